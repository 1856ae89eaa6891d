//! Reading an article file for the library: bytes, format by extension or
//! content, the loader. Errors are short reasons for the library's list.

use std::path::Path;

use super::{Document, Format, load_as};

pub fn load_path(path: &Path) -> Result<Document, String> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        _ => e.to_string(),
    })?;
    let format = Format::from_path(path).unwrap_or_else(|| {
        let head = &bytes[..bytes.len().min(64 * 1024)];
        Format::sniff(
            std::str::from_utf8(head)
                .unwrap_or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or("")),
        )
    });
    load_as(&bytes, format, None).map_err(|e| e.to_string())
}
