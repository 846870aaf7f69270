//! What can go wrong while loading data, said to a person in both languages.
//!
//! Pure: the browser's fetch module produces these, and native tests check the wording.

use std::fmt;

use crate::i18n::Lang;
use std::sync::Arc;

use crate::validate::Problems;

/// The manifest, beside the page: the loader and the app both ask for it by this path.
pub const MANIFEST_PATH: &str = "data/index.json";

/// Where the page's loader leaves the data requests it starts beside the WASM (`window[EARLY_DATA]`,
/// an object from each file's path to `{ response, abort }`): the app takes the one for a file it
/// needs rather than asking again, so each file is requested once in every engine. (A
/// `<link rel=preload as=fetch>` did not do that: WebKit never hands one to the page's `fetch()`.)
pub const EARLY_DATA: &str = "__chisoData";

/// Why a data file could not be shown. Every variant names the file.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// `detail` is the browser's own words, for logs only.
    Network {
        file: String,
        detail: String,
    },
    Timeout {
        file: String,
        seconds: u32,
    },
    Offline {
        file: String,
    },
    Http {
        file: String,
        status: u16,
    },
    Invalid {
        file: String,
        /// Shared, not copied: the error panel and its retry hold the same list.
        problems: Arc<Problems>,
    },
    NoSuchSnapshot {
        file: String,
        id: String,
    },
    NoSuchVersion {
        file: String,
        id: String,
        version: String,
    },
}

impl LoadError {
    pub fn file(&self) -> &str {
        match self {
            LoadError::Network { file, .. }
            | LoadError::Timeout { file, .. }
            | LoadError::Offline { file }
            | LoadError::Http { file, .. }
            | LoadError::Invalid { file, .. }
            | LoadError::NoSuchSnapshot { file, .. }
            | LoadError::NoSuchVersion { file, .. } => file,
        }
    }

    /// One sentence on what went wrong, in `lang`. Field-level problems are listed separately.
    /// Each arm says it in Vietnamese and in English, side by side.
    pub fn summary(&self, lang: Lang) -> String {
        let [vi, en]: [String; 2] = match self {
            LoadError::Network { .. } => [
                "Không kết nối được tới máy chủ. Hãy kiểm tra mạng rồi thử lại.".into(),
                "The server could not be reached. Check the connection and try again.".into(),
            ],
            LoadError::Timeout { seconds, .. } => [
                format!(
                    "Máy chủ không trả lời sau {seconds} giây. Mạng có thể đang chậm; hãy thử lại."
                ),
                format!(
                    "The server did not answer within {seconds} seconds. The network may be slow; try again."
                ),
            ],
            LoadError::Offline { .. } => [
                "Thiết bị đang không có kết nối mạng. Hãy bật mạng rồi thử lại.".into(),
                "This device is offline. Reconnect, then try again.".into(),
            ],
            LoadError::Http { status: 404, .. } => [
                "Không tìm thấy tệp số liệu (HTTP 404).".into(),
                "The data file was not found (HTTP 404).".into(),
            ],
            LoadError::Http { status, .. } => [
                format!("Máy chủ trả lỗi HTTP {status}."),
                format!("The server answered with HTTP {status}."),
            ],
            LoadError::Invalid { problems, .. } => [
                format!(
                    "Tệp số liệu có {} lỗi, nên không hiển thị số liệu nào từ tệp này.",
                    problems.len()
                ),
                format!(
                    "The data file has {} problem(s), so none of its figures are shown.",
                    problems.len()
                ),
            ],
            LoadError::NoSuchSnapshot { id, .. } => [
                format!("Không có bộ số liệu `{id}`."),
                format!("There is no snapshot `{id}`."),
            ],
            LoadError::NoSuchVersion { id, version, .. } => [
                format!("Bộ số liệu `{id}` không có phiên bản `{version}`."),
                format!("Snapshot `{id}` has no version `{version}`."),
            ],
        };
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    pub fn problems(&self) -> Option<&Problems> {
        match self {
            LoadError::Invalid { problems, .. } => Some(problems),
            _ => None,
        }
    }
}

impl fmt::Display for LoadError {
    /// English, for logs: the file, then its problems or the English summary (with the
    /// browser's own words for a network failure).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Invalid { file, problems } => write!(f, "{file}: {problems}"),
            LoadError::Network { file, detail } => {
                write!(f, "{file}: {} ({detail})", self.summary(Lang::En))
            }
            _ => write!(f, "{}: {}", self.file(), self.summary(Lang::En)),
        }
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::parse_snapshot;

    #[test]
    fn every_error_names_its_file_in_both_languages() {
        let problems = parse_snapshot(b"").expect_err("empty");
        let e = LoadError::Invalid {
            file: "data/x.json".into(),
            problems: Arc::new(problems),
        };
        assert_eq!(e.file(), "data/x.json");
        assert!(e.summary(Lang::Vi).contains("1 lỗi"));
        assert!(e.summary(Lang::En).contains("1 problem"));
        assert_eq!(e.to_string(), "data/x.json: $: the file is empty");
    }

    #[test]
    fn timeouts_and_offline_have_their_own_words() {
        let t = LoadError::Timeout {
            file: "data/index.json".into(),
            seconds: 10,
        };
        assert!(t.summary(Lang::Vi).contains("10 giây"));
        let o = LoadError::Offline {
            file: "data/index.json".into(),
        };
        assert!(o.summary(Lang::En).contains("offline"));
        assert_ne!(o.summary(Lang::Vi), t.summary(Lang::Vi));
    }

    #[test]
    fn not_found_is_told_apart_from_other_http_errors() {
        let nf = LoadError::Http {
            file: "data/index.json".into(),
            status: 404,
        };
        let ise = LoadError::Http {
            file: "data/index.json".into(),
            status: 500,
        };
        assert!(nf.summary(Lang::En).contains("not found"));
        assert!(ise.summary(Lang::Vi).contains("HTTP 500"));
    }

    #[test]
    fn the_english_display_is_the_file_and_the_english_summary() {
        let t = LoadError::Timeout {
            file: "data/index.json".into(),
            seconds: 10,
        };
        assert_eq!(
            t.to_string(),
            format!("data/index.json: {}", t.summary(Lang::En))
        );
        let n = LoadError::Network {
            file: "data/index.json".into(),
            detail: "TypeError: Failed to fetch".into(),
        };
        assert!(n
            .to_string()
            .ends_with("again. (TypeError: Failed to fetch)"));
    }
}
