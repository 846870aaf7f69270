//! What can go wrong while loading data, said to a person in both languages.
//!
//! Pure: the browser's fetch module produces these, and native tests check the wording.

use crate::i18n::Lang;
use crate::validate::Problems;

/// Why a data file could not be shown. Every variant names the file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: the network request failed ({detail})")]
    Network { file: String, detail: String },
    #[error("{file}: no answer within {seconds} s")]
    Timeout { file: String, seconds: u32 },
    #[error("{file}: the device is offline")]
    Offline { file: String },
    #[error("{file}: the server answered HTTP {status}")]
    Http { file: String, status: u16 },
    #[error("{file}: {problems}")]
    Invalid { file: String, problems: Problems },
    #[error("{file}: no snapshot `{id}` in the manifest")]
    NoSuchSnapshot { file: String, id: String },
    #[error("{file}: snapshot `{id}` has no version `{version}`")]
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
    pub fn summary(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadError::Network { .. }, Lang::Vi) => {
                "Không kết nối được tới máy chủ. Hãy kiểm tra mạng rồi thử lại.".into()
            }
            (LoadError::Network { .. }, Lang::En) => {
                "The server could not be reached. Check the connection and try again.".into()
            }
            (LoadError::Timeout { seconds, .. }, Lang::Vi) => format!(
                "Máy chủ không trả lời sau {seconds} giây. Mạng có thể đang chậm; hãy thử lại."
            ),
            (LoadError::Timeout { seconds, .. }, Lang::En) => format!(
                "The server did not answer within {seconds} seconds. The network may be slow; try again."
            ),
            (LoadError::Offline { .. }, Lang::Vi) => {
                "Thiết bị đang không có kết nối mạng. Hãy bật mạng rồi thử lại.".into()
            }
            (LoadError::Offline { .. }, Lang::En) => {
                "This device is offline. Reconnect, then try again.".into()
            }
            (LoadError::Http { status: 404, .. }, Lang::Vi) => {
                "Không tìm thấy tệp số liệu (HTTP 404).".into()
            }
            (LoadError::Http { status: 404, .. }, Lang::En) => {
                "The data file was not found (HTTP 404).".into()
            }
            (LoadError::Http { status, .. }, Lang::Vi) => {
                format!("Máy chủ trả lỗi HTTP {status}.")
            }
            (LoadError::Http { status, .. }, Lang::En) => {
                format!("The server answered with HTTP {status}.")
            }
            (LoadError::Invalid { problems, .. }, Lang::Vi) => format!(
                "Tệp số liệu có {} lỗi, nên không hiển thị số liệu nào từ tệp này.",
                problems.len()
            ),
            (LoadError::Invalid { problems, .. }, Lang::En) => format!(
                "The data file has {} problem(s), so none of its figures are shown.",
                problems.len()
            ),
            (LoadError::NoSuchSnapshot { id, .. }, Lang::Vi) => {
                format!("Không có bộ số liệu `{id}`.")
            }
            (LoadError::NoSuchSnapshot { id, .. }, Lang::En) => {
                format!("There is no snapshot `{id}`.")
            }
            (LoadError::NoSuchVersion { id, version, .. }, Lang::Vi) => {
                format!("Bộ số liệu `{id}` không có phiên bản `{version}`.")
            }
            (LoadError::NoSuchVersion { id, version, .. }, Lang::En) => {
                format!("Snapshot `{id}` has no version `{version}`.")
            }
        }
    }

    pub fn problems(&self) -> Option<&Problems> {
        match self {
            LoadError::Invalid { problems, .. } => Some(problems),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::parse_snapshot;

    #[test]
    fn every_error_names_its_file_in_both_languages() {
        let problems = parse_snapshot(b"").expect_err("empty");
        let e = LoadError::Invalid {
            file: "data/x.json".into(),
            problems,
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
}
