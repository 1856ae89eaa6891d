//! Where an article comes from: a file, standard input or a URL, read once
//! by [`Input::open`] for every mode (the reader, `--json`, the library).
//! Errors are typed; the caller adds the input's name with `.context()`.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use crate::document::{Document, Format, LoadError, Offsets, load_as, load_vec};
use crate::fetch::{FetchError, FetchOptions, fetch};

/// The most an input may hold unless the user allows more (`--max-input`,
/// or `max_input_mb` in the config): far beyond any article, and a bound
/// on memory whatever a device or a stream sends.
pub const DEFAULT_MAX_INPUT: u64 = 256 << 20;
/// The first block of an input is checked for NUL bytes before reading on,
/// so binary data (or `/dev/zero`) is refused at once.
const FIRST_BLOCK: u64 = 64 * 1024;

/// Why an input could not be read or understood.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("no such file")]
    NotFound,
    #[error("permission denied")]
    PermissionDenied,
    #[error("is a directory, not an article file")]
    IsADirectory,
    #[error("no files in this directory")]
    EmptyDirectory,
    #[error("not a regular file (a pipe or a device); open it on its own")]
    NotRegular,
    #[error("larger than the limit of {} MB (--max-input raises it)", limit >> 20)]
    TooLarge { limit: u64 },
    #[error(transparent)]
    Io(io::Error),
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Load(#[from] LoadError),
}

impl From<io::Error> for InputError {
    fn from(e: io::Error) -> InputError {
        match e.kind() {
            io::ErrorKind::NotFound => InputError::NotFound,
            io::ErrorKind::PermissionDenied => InputError::PermissionDenied,
            io::ErrorKind::IsADirectory => InputError::IsADirectory,
            _ => InputError::Io(e),
        }
    }
}

/// Reads at most `limit` bytes; binary data is refused after the first block.
pub fn read_limited(r: impl Read, limit: u64) -> Result<Vec<u8>, InputError> {
    read_sized(r, limit, 0)
}

/// [`read_limited`] into a buffer made for `expected` bytes (a file's
/// size), so that it is not grown, and over-allocated, on the way.
fn read_sized(mut r: impl Read, limit: u64, expected: u64) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::with_capacity(expected.min(limit) as usize + 1);
    (&mut r)
        .take(FIRST_BLOCK.min(limit + 1))
        .read_to_end(&mut bytes)?;
    // UTF-16 and UTF-32 text (with a byte order mark) is full of NUL
    // bytes: it is decoded later, not refused.
    let wide = bytes.starts_with(&[0xff, 0xfe])
        || bytes.starts_with(&[0xfe, 0xff])
        || utf32_bom(&bytes).is_some();
    if let Some(at) = bytes.iter().position(|&b| b == 0).filter(|_| !wide) {
        return Err(LoadError::Binary(at).into());
    }
    let rest = (limit + 1).saturating_sub(bytes.len() as u64);
    r.take(rest).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Reads a file (or a device, or a pipe) with the same limit.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(InputError::IsADirectory);
    }
    if meta.is_file() && meta.len() > limit {
        return Err(InputError::TooLarge { limit });
    }
    read_sized(file, limit, meta.len())
}

/// An input read: its bytes, a name for messages, the loader to use and,
/// for a web page, its address (to resolve relative links).
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
    pub format: Format,
    pub url: Option<String>,
    /// The encoding the input was decoded from, when it was not UTF-8
    /// (`bytes` then holds the UTF-8 text).
    pub decoded: Option<&'static str>,
}

/// Where to read from, as the command line names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    Url(String),
    File(PathBuf),
}

impl Source {
    /// `-` is standard input, an http(s) address a URL, anything else a file.
    pub fn from_arg(arg: &Path) -> Source {
        match arg.to_str() {
            Some("-") => Source::Stdin,
            Some(s) if s.starts_with("http://") || s.starts_with("https://") => {
                Source::Url(s.to_string())
            }
            _ => Source::File(arg.to_path_buf()),
        }
    }

    /// What messages call this input.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "standard input".into(),
            Source::Url(u) => u.clone(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// The source the reader opens when given `arg`: `None` means the built-in
/// article (no argument, and standard input is a terminal).
pub fn source_for(arg: Option<&Path>) -> Option<Source> {
    match arg {
        Some(p) => Some(Source::from_arg(p)),
        None if !io::stdin().is_terminal() => Some(Source::Stdin),
        None => None,
    }
}

impl Input {
    /// Reads `source`, at most `limit` bytes of it. The loader is `format`
    /// if given, else what a URL's Content-Type or a file's extension says,
    /// else a guess from the content.
    pub fn open(source: &Source, format: Option<Format>, limit: u64) -> Result<Input, InputError> {
        let (bytes, known, url) = match source {
            Source::Stdin => (read_limited(io::stdin().lock(), limit)?, None, None),
            Source::Url(url) => {
                let defaults = FetchOptions::default();
                let options = FetchOptions {
                    max_bytes: defaults.max_bytes.min(limit),
                    ..defaults
                };
                let page = {
                    let _notice = FetchNotice::show(url);
                    fetch(url, &options)?
                };
                let known = page.format();
                (page.body, known, Some(page.final_url))
            }
            Source::File(p) => (read_file(p, limit)?, Format::from_path(p), None),
        };
        // A fetched page is decoded already; a local one is decoded from a
        // UTF-16 byte order mark, and HTML also from its <meta charset>.
        let (bytes, mut decoded) = match url {
            Some(_) => (bytes, None),
            None => decode_bom(bytes),
        };
        let format = format.or(known).unwrap_or_else(|| sniff(&bytes));
        let bytes = if decoded.is_none() && format == Format::Html {
            let (b, d) = decode_html(bytes);
            decoded = d;
            b
        } else {
            bytes
        };
        Ok(Input {
            name: source.name(),
            bytes,
            format,
            url,
            decoded,
        })
    }

    /// The whole document (see `progressive` for opening big texts in steps).
    pub fn load(self) -> Result<Document, LoadError> {
        let decoded = self.decoded.is_some();
        let mut doc = match self.format {
            Format::Plain => load_vec(self.bytes),
            format => load_as(&self.bytes, format, self.url.as_deref()),
        }?;
        if decoded && doc.offsets == Offsets::Source {
            doc.offsets = Offsets::Decoded;
        }
        Ok(doc)
    }

    /// The file name alone, for a title bar when the document has no title.
    pub fn short_name(&self) -> String {
        Path::new(&self.name)
            .file_name()
            .map_or(self.name.clone(), |f| f.to_string_lossy().into_owned())
    }
}

/// A local file or standard input with a UTF-16 byte order mark, decoded
/// to UTF-8.
fn decode_bom(bytes: Vec<u8>) -> (Vec<u8>, Option<&'static str>) {
    // UTF-32 first: its little-endian mark begins like UTF-16's.
    if let Some((text, name)) = decode_utf32(&bytes) {
        return (text.into_bytes(), Some(name));
    }
    match encoding_rs::Encoding::for_bom(&bytes) {
        Some((enc, bom)) if enc != encoding_rs::UTF_8 => {
            let text = enc
                .decode_without_bom_handling(&bytes[bom..])
                .0
                .into_owned();
            (text.into_bytes(), Some(enc.name()))
        }
        _ => (bytes, None),
    }
}

/// A UTF-32 byte order mark: little-endian or not, and the encoding's name.
fn utf32_bom(bytes: &[u8]) -> Option<(bool, &'static str)> {
    match bytes.get(..4)? {
        [0xFF, 0xFE, 0, 0] => Some((true, "UTF-32LE")),
        [0, 0, 0xFE, 0xFF] => Some((false, "UTF-32BE")),
        _ => None,
    }
}

/// UTF-32 with a byte order mark (encoding_rs, made for the web, has no
/// UTF-32): each 4 bytes one code point, a bad one (or a cut last one)
/// U+FFFD.
fn decode_utf32(bytes: &[u8]) -> Option<(String, &'static str)> {
    let (le, name) = utf32_bom(bytes)?;
    let units = bytes[4..].chunks_exact(4);
    let cut = !units.remainder().is_empty();
    let mut text: String = units
        .map(|c| {
            let b = [c[0], c[1], c[2], c[3]];
            let u = if le {
                u32::from_le_bytes(b)
            } else {
                u32::from_be_bytes(b)
            };
            char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect();
    if cut {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Some((text, name))
}

/// "fetching URL… (Ctrl-c cancels)" on standard error while a page is
/// fetched, erased when done: the terminal is not the reader's yet (nothing
/// is drawn before the input is known to open), so Ctrl-c simply stops
/// factlens. Shown only when standard error is a terminal.
struct FetchNotice(bool);

impl FetchNotice {
    fn show(url: &str) -> FetchNotice {
        let tty = io::stderr().is_terminal();
        if tty {
            // On one line (erasing it erases all of it): cut to the width.
            let cols = crossterm::terminal::size().map_or(80, |(c, _)| usize::from(c));
            let room = cols.saturating_sub(30).max(10);
            let safe: String = url
                .chars()
                .filter(|&c| !crate::document::is_unsafe(c) && !c.is_control())
                .collect();
            // One ellipsis, whether or not the address is cut.
            let shown = crate::layout::truncate(&format!("{safe}\u{2026}"), room);
            let mut e = io::stderr().lock();
            let _ = write!(e, "fetching {shown} (Ctrl-c cancels)");
            let _ = e.flush();
        }
        FetchNotice(tty)
    }
}

impl Drop for FetchNotice {
    fn drop(&mut self) {
        if self.0 {
            // Back to the start of the line, and erase it.
            let mut e = io::stderr().lock();
            let _ = write!(e, "\r\x1b[2K");
            let _ = e.flush();
        }
    }
}

/// A local HTML page that is not UTF-8, decoded as a browser would: from
/// its `<meta charset>`, else as windows-1252.
fn decode_html(bytes: Vec<u8>) -> (Vec<u8>, Option<&'static str>) {
    if std::str::from_utf8(&bytes).is_ok() {
        return (bytes, None);
    }
    let enc = crate::fetch::charset_of(&bytes);
    (
        crate::fetch::decode(&bytes, None).into_bytes(),
        Some(enc.name()),
    )
}

/// The format the first 64 KB look like.
fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    Format::sniff(
        std::str::from_utf8(head)
            .unwrap_or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or("")),
    )
}

/// Reads a file of a library as a whole document. Pipes and devices are
/// refused: reading one could wait forever and hold up the list.
pub fn load_file(path: &Path, limit: u64) -> Result<(Document, usize), InputError> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(InputError::NotRegular);
    }
    let input = Input::open(&Source::File(path.to_path_buf()), None, limit)?;
    let len = input.bytes.len();
    Ok((input.load()?, len))
}

/// Several paths, or one directory, make a library: the files in it (not
/// hidden, not recursive), sorted by name. `None` for a single article.
pub fn library_paths(args: &[PathBuf]) -> Result<Option<Vec<PathBuf>>, InputError> {
    match args {
        [dir] if dir.is_dir() => {
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(InputError::EmptyDirectory);
            }
            Ok(Some(files))
        }
        [_, _, ..] => Ok(Some(args.to_vec())),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_told_apart() {
        assert_eq!(Source::from_arg(Path::new("-")), Source::Stdin);
        assert_eq!(
            Source::from_arg(Path::new("https://x.org/a")),
            Source::Url("https://x.org/a".into())
        );
        assert_eq!(
            Source::from_arg(Path::new("a.txt")),
            Source::File("a.txt".into())
        );
    }

    #[test]
    fn file_errors_say_what_is_wrong_once() {
        let missing = Input::open(&Source::File("/no/such/file.txt".into()), None, 1 << 20);
        assert_eq!(missing.err().unwrap().to_string(), "no such file");
        let dir = Input::open(&Source::File(std::env::temp_dir()), None, 1 << 20);
        assert_eq!(
            dir.err().unwrap().to_string(),
            "is a directory, not an article file"
        );
    }

    #[test]
    fn reads_are_bounded_and_binary_is_refused_after_one_block() {
        let zeros = std::io::repeat(0).take(1 << 30);
        assert!(matches!(
            read_limited(zeros, 1 << 30),
            Err(InputError::Load(LoadError::Binary(0)))
        ));
        let text = std::io::repeat(b'a').take(10 << 20);
        let err = read_limited(text, 1 << 20).unwrap_err();
        assert_eq!(
            err.to_string(),
            "larger than the limit of 1 MB (--max-input raises it)"
        );
        assert_eq!(read_limited(&b"12345"[..], 5).unwrap(), b"12345");
        assert!(read_limited(&b"123456"[..], 5).is_err());
    }

    #[test]
    fn a_library_skips_pipes_and_devices() {
        assert!(matches!(
            load_file(Path::new("/dev/zero"), 1 << 20),
            Err(InputError::NotRegular)
        ));
    }

    #[test]
    fn a_library_file_loads_with_its_length() {
        let dir = std::env::temp_dir().join(format!("factlens-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.md");
        std::fs::write(&path, "# Title\n\nText by Ann Lee.\n").unwrap();
        let (doc, len) = load_file(&path, 1 << 20).unwrap();
        assert_eq!((doc.title(), len), (Some("Title"), 26));
        assert!(matches!(
            library_paths(std::slice::from_ref(&dir)),
            Ok(Some(files)) if files == [path.clone()]
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_utf32_text_cut_mid_character_ends_in_a_replacement() {
        let mut bytes = vec![0xFF, 0xFE, 0, 0];
        for c in "Hi".chars() {
            bytes.extend((c as u32).to_le_bytes());
        }
        bytes.extend([0x41, 0]);
        let (text, name) = decode_utf32(&bytes).expect("a UTF-32 mark");
        assert_eq!(name, "UTF-32LE");
        assert_eq!(text, "Hi\u{FFFD}", "not read as UTF-16");
    }
}
