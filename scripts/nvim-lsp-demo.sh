#!/usr/bin/env bash
# Try `whosaid lsp` in a real editor, headless: Neovim's built-in LSP client opens the seed
# article in a workspace whose whosaid.toml names the seed registry, prints the diagnostics it
# received, the hover on "Hegel" and the code actions on line 10. Needs nvim (0.7 or later;
# Debian: apt-get install neovim).
#   scripts/nvim-lsp-demo.sh [path/to/whosaid]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-target/debug/whosaid}")
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
cp fixtures/seed/npo-mash.txt "$ws/draft.txt"
cp fixtures/seed/registry.csv "$ws/registry.csv"
echo 'registry = "registry.csv"' >"$ws/whosaid.toml"
cat >"$ws/demo.lua" <<'LUA'
local out = io.stdout
local id = vim.lsp.start_client({ name = "whosaid", cmd = { os.getenv("WHOSAID_BIN"), "lsp" },
  root_dir = os.getenv("WS") })
vim.cmd("edit " .. os.getenv("WS") .. "/draft.txt")
vim.lsp.buf_attach_client(0, id)
local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
out:write(string.format("client %s attached; diagnostics received: %s\n",
  vim.lsp.get_client_by_id(id).name, ok and #vim.diagnostic.get(0) or "none"))
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  out:write(string.format("  %d:%d-%d:%d %s [%s] %s\n", d.lnum + 1, d.col, d.end_lnum + 1,
    d.end_col, vim.diagnostic.severity[d.severity], code, d.message))
end
local line = vim.fn.search("Hegel told")
vim.api.nvim_win_set_cursor(0, { line, vim.fn.col(".") })
local res = vim.lsp.buf_request_sync(0, "textDocument/hover", vim.lsp.util.make_position_params(), 10000)
for _, r in pairs(res or {}) do
  if r.result then out:write("hover on Hegel:\n" .. r.result.contents.value .. "\n") end
end
vim.api.nvim_win_set_cursor(0, { 10, 130 })
local params = vim.lsp.util.make_range_params()
params.context = { diagnostics = {} }
local acts = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000)
for _, r in pairs(acts or {}) do
  for _, a in ipairs(r.result or {}) do
    local edit = a.edit and a.edit.changes and select(2, next(a.edit.changes))
    out:write(string.format("code action on line 10: %s -> inserts %q\n", a.title,
      edit and vim.trim(edit[1].newText) or ""))
  end
end
vim.lsp.stop_client(id)
vim.cmd("qa!")
LUA
WHOSAID_BIN="$bin" WS="$ws" nvim --headless -u NONE -c "luafile $ws/demo.lua"
