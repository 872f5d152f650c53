//! Writing a report to a file, atomically and without following anyone's links.
//!
//! The report goes to a temporary file made by `tempfile` in the target's directory (a random
//! name, opened with `O_CREAT | O_EXCL`, so neither an existing file nor a symbolic link planted
//! under a guessable name is ever opened), is synced, given the permissions of the file it
//! replaces, and renamed over the target. `rename` replaces the target's directory entry: a
//! target that is a symbolic link is replaced by the report, its victim is not written.
//!
//! The temporary file is removed on every error path (dropping a `NamedTempFile` deletes it), on
//! a panic (the drop runs while unwinding), and on SIGINT, SIGTERM and SIGHUP: a signal thread
//! removes the file of the write in progress and then ends the process as the signal would have.
//! SIGKILL cannot be caught: killed between the temporary file's creation and the rename, whosaid
//! leaves `.NAME.XXXXXX.tmp` behind (the previous report is intact). That window is the time to
//! write and sync the report, about a second per few hundred megabytes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};
use whosaid::Error;

/// The temporary file of the write in progress, for the signal thread to remove. Held locked
/// across the rename, so the file is either renamed or removed, never renamed after removal.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Write `data` to `path` through a temporary file in the same directory and a rename, so that
/// readers never see a partial report and a failed run leaves the previous one in place.
pub(crate) fn write_atomic(path: &Path, data: &[u8]) -> Result<(), Error> {
    clean_up_on_signals();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "report".into());
    // The permissions of the report being replaced (a regular file; not those of a link's
    // target): a report kept private stays private.
    let old_mode = std::fs::symlink_metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.permissions());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // tempfile's default is 0600; a new report gets what `File::create` would give it
        // (0666 less the umask), as before.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(|e| Error::io(&dir, e))?;
    set_pending(Some(tmp.path().to_path_buf()));
    let written = (|| {
        tmp.write_all(data)?;
        if let Some(mode) = old_mode {
            tmp.as_file().set_permissions(mode)?;
        }
        tmp.as_file().sync_all()
    })();
    if let Err(e) = written {
        set_pending(None);
        // dropping `tmp` removes the file
        return Err(Error::io(path, e));
    }
    test_pause();
    let mut pending = PENDING.lock().unwrap_or_else(|p| p.into_inner());
    let persisted = tmp.persist(path);
    *pending = None;
    drop(pending);
    // on failure the error holds the temporary file, removed when it is dropped here
    persisted.map(drop).map_err(|e| Error::io(path, e.error))
}

fn set_pending(p: Option<PathBuf>) {
    *PENDING.lock().unwrap_or_else(|p| p.into_inner()) = p;
}

/// Install, once, a thread that on SIGINT, SIGTERM or SIGHUP removes the temporary file of the
/// write in progress and then terminates the process by the signal's default action (so the
/// exit status still says which signal it was). Before the first report write the signals keep
/// their default action: nothing is on disk to clean up then.
fn clean_up_on_signals() {
    static ONCE: Once = Once::new();
    #[cfg(unix)]
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        // The handlers are installed by the thread itself, and this waits until they are: a
        // thread that cannot start leaves the signals their default action (and the SIGKILL
        // window applies to them too), never a handler with no one to act on it.
        let (ready, installed) = std::sync::mpsc::channel();
        let started = std::thread::Builder::new()
            .name("whosaid-signals".into())
            .spawn(move || {
                let signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]);
                let _ = ready.send(());
                let Ok(mut signals) = signals else { return };
                if let Some(sig) = signals.forever().next() {
                    let mut pending = PENDING.lock().unwrap_or_else(|p| p.into_inner());
                    if let Some(p) = pending.take() {
                        let _ = std::fs::remove_file(p);
                    }
                    if signal_hook::low_level::emulate_default_handler(sig).is_err() {
                        std::process::exit(128 + sig);
                    }
                }
            });
        if started.is_ok() {
            let _ = installed.recv();
        }
    });
    #[cfg(not(unix))]
    ONCE.call_once(|| {});
}

/// For the tests of interruption only (debug builds): wait `WHOSAID_TEST_WRITE_PAUSE_MS`
/// milliseconds with the temporary file written and not yet renamed, so a test can signal the
/// process at that point. Release builds have no such pause.
fn test_pause() {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("WHOSAID_TEST_WRITE_PAUSE_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}
