//! Loading and validating the registry CSV (to be filled in).

use super::Registry;
use crate::error::Result;
use std::path::Path;

impl Registry {
    /// Load and validate a registry file.
    pub fn load(path: &Path) -> Result<Registry> {
        let data = std::fs::read(path).map_err(|e| crate::Error::io(path, e))?;
        let name = path.display().to_string();
        let text = crate::input::decode_utf8(&name, data)?;
        Registry::from_csv(&name, &text)
    }

    /// Parse and validate registry CSV text; `name` is used in errors.
    pub fn from_csv(name: &str, data: &str) -> Result<Registry> {
        let _ = data;
        Ok(Registry {
            path: name.to_string(),
            ..Default::default()
        })
    }
}
