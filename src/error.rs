//! The library's error type. Every variant names the file and, where there is one, the line.

use std::fmt;
use std::path::PathBuf;

/// What went wrong, with enough context to fix it.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Input bytes that are not UTF-8.
    Utf8 {
        /// The input's name.
        path: String,
        /// 1-based line of the first bad byte (line of a JSON Lines record, or of the file).
        line: usize,
        /// Byte offset of the first bad byte.
        offset: usize,
    },
    /// Input that can be read but not understood (a bad JSON Lines record, say).
    Input {
        /// The input's name.
        path: String,
        /// 1-based line.
        line: usize,
        /// The problem.
        msg: String,
    },
    /// A malformed source registry.
    Registry {
        /// The registry file.
        path: String,
        /// 1-based line.
        line: usize,
        /// The problem.
        msg: String,
    },
    /// A malformed rule or lexicon file.
    Rule {
        /// The rule file.
        path: String,
        /// 1-based line (0 when the problem is the file as a whole).
        line: usize,
        /// The problem.
        msg: String,
    },
    /// A bad `whosaid.toml` (unknown key, bad value, unknown rule id).
    Config {
        /// The config file.
        path: String,
        /// 1-based line (0 when the file as a whole).
        line: usize,
        /// The problem, naming the key.
        msg: String,
    },
    /// A bad command-line request.
    Usage(String),
    /// A bug: checking this input panicked. The run goes on with the other inputs and exits 2.
    Internal {
        /// The input's name.
        path: String,
        /// The panic's message.
        msg: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            Error::Utf8 { path, line, offset } => write!(
                f,
                "{path}:{line}: not valid UTF-8 (first bad byte at offset {offset}); convert the file to UTF-8"
            ),
            Error::Input { path, line, msg } => write!(f, "{path}:{line}: {msg}"),
            Error::Registry { path, line, msg } => write!(f, "{path}:{line}: {msg}"),
            Error::Rule { path, line, msg } => {
                if *line == 0 {
                    write!(f, "{path}: {msg}")
                } else {
                    write!(f, "{path}:{line}: {msg}")
                }
            }
            Error::Config { path, line, msg } => {
                if *line == 0 {
                    write!(f, "{path}: {msg}")
                } else {
                    write!(f, "{path}:{line}: {msg}")
                }
            }
            Error::Usage(msg) => write!(f, "{msg}"),
            Error::Internal { path, msg } => write!(
                f,
                "{path}: internal error while checking this input ({msg}); please report it with the input"
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
