//! What a file is, told by its bytes before anything heavy is done with it: its size, its first
//! bytes, and for an XLSX (a zip) the sizes its entries declare, read from the central directory
//! without inflating anything. The zip reader then never inflates an entry past its declared
//! size, so these limits hold while the workbook is read.

use std::io::Cursor;

use super::problem::{ImportKind, What};
use super::{MAX_BYTES, MAX_INFLATE_RATIO, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES};

/// The kinds of file the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
    Json,
}

impl Format {
    fn what(self) -> What {
        match self {
            Format::Xlsx => What::Xlsx,
            Format::Csv => What::Csv,
            Format::Json => What::Json,
        }
    }
}

/// Entries smaller than this may inflate at any ratio: a sheet of repeated empty cells
/// compresses very well, and a megabyte does no harm.
const RATIO_FREE_BYTES: u64 = 1024 * 1024;

/// What the name says the file is (`.xlsx`, `.csv`, `.json`, `.txt`/`.tsv` as CSV).
fn claimed(name: &str) -> Option<Format> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" => Some(Format::Xlsx),
        "csv" | "tsv" | "txt" => Some(Format::Csv),
        "json" => Some(Format::Json),
        _ => None,
    }
}

/// Tells what `bytes` are; refuses what is too large, not one of the three formats, not what
/// its name says, or a zip that would inflate too much.
pub fn sniff(name: &str, bytes: &[u8]) -> Result<Format, ImportKind> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ImportKind::TooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(ImportKind::Empty);
    }
    let found = if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        zip(bytes)?
    } else if let Some(what) = binary(bytes) {
        return Err(ImportKind::NotASpreadsheet { what });
    } else {
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if let Err(e) = std::str::from_utf8(text) {
            // Text in another encoding (a CSV saved as Windows-1258) says so.
            return Err(ImportKind::NotUtf8 {
                offset: e.valid_up_to() + (bytes.len() - text.len()),
            });
        }
        if text.contains(&0) {
            return Err(ImportKind::NotASpreadsheet { what: What::Binary });
        }
        match text.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') | Some(b'[') => Format::Json,
            _ => Format::Csv,
        }
    };
    match claimed(name) {
        Some(c) if c != found => Err(ImportKind::NotWhatItClaims {
            claimed: c.what(),
            found: found.what(),
        }),
        _ => Ok(found),
    }
}

/// Known kinds of file that are not text, by their first bytes.
fn binary(bytes: &[u8]) -> Option<What> {
    const MAGIC: &[(&[u8], What)] = &[
        (b"\x89PNG\r\n\x1a\n", What::Png),
        (b"\xFF\xD8\xFF", What::Jpeg),
        (b"GIF87a", What::Gif),
        (b"GIF89a", What::Gif),
        (b"%PDF-", What::Pdf),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", What::OldExcel),
    ];
    MAGIC
        .iter()
        .find_map(|(magic, what)| bytes.starts_with(magic).then_some(*what))
}

/// Checks a zip's central directory: a workbook, of not too many entries, that does not inflate
/// past the limits. Nothing is inflated here.
fn zip(bytes: &[u8]) -> Result<Format, ImportKind> {
    let broken = |e: zip::result::ZipError| ImportKind::Broken {
        detail: e.to_string(),
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(broken)?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(ImportKind::ZipTooManyEntries {
            entries: archive.len(),
            limit: MAX_ZIP_ENTRIES,
        });
    }
    let mut total: u64 = 0;
    let mut workbook = false;
    let mut open_document = false;
    for i in 0..archive.len() {
        let (size, packed, name) = {
            let entry = archive.by_index_raw(i).map_err(broken)?;
            let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
            (entry.size(), entry.compressed_size(), name)
        };
        workbook |= name == "xl/workbook.xml";
        open_document |= name == "mimetype" || name == "content.xml";
        total = total.saturating_add(size);
        if total > MAX_UNZIPPED_BYTES {
            return Err(ImportKind::ZipTooLarge {
                bytes: archive
                    .decompressed_size()
                    .map_or(total, |t| u64::try_from(t).unwrap_or(u64::MAX)),
                limit: MAX_UNZIPPED_BYTES,
            });
        }
        if size > RATIO_FREE_BYTES && size / packed.max(1) > MAX_INFLATE_RATIO {
            return Err(ImportKind::ZipRatio {
                entry: name,
                ratio: size / packed.max(1),
                limit: MAX_INFLATE_RATIO,
            });
        }
    }
    if workbook {
        Ok(Format::Xlsx)
    } else if open_document {
        Err(ImportKind::NotASpreadsheet {
            what: What::OpenDocument,
        })
    } else {
        Err(ImportKind::NotASpreadsheet {
            what: What::OtherZip,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_json_or_csv_by_its_first_character() {
        assert_eq!(sniff("x", b"  {\"a\": 1}"), Ok(Format::Json));
        assert_eq!(sniff("x.csv", b"\xEF\xBB\xBFa,b\n1,2\n"), Ok(Format::Csv));
        assert_eq!(sniff("x.txt", "Mã / id\tTên\n".as_bytes()), Ok(Format::Csv));
    }

    #[test]
    fn images_and_documents_are_refused_by_their_bytes() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(
            sniff("bang.xlsx", png),
            Err(ImportKind::NotASpreadsheet { what: What::Png })
        );
        assert_eq!(
            sniff("x.pdf", b"%PDF-1.7\n"),
            Err(ImportKind::NotASpreadsheet { what: What::Pdf })
        );
        assert_eq!(
            sniff("x.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"),
            Err(ImportKind::NotASpreadsheet {
                what: What::OldExcel
            })
        );
        assert_eq!(
            sniff("x.csv", b"a,b\0c"),
            Err(ImportKind::NotASpreadsheet { what: What::Binary })
        );
    }

    #[test]
    fn a_file_whose_name_says_otherwise_is_refused() {
        assert_eq!(
            sniff("bang.xlsx", b"a,b\n"),
            Err(ImportKind::NotWhatItClaims {
                claimed: What::Xlsx,
                found: What::Csv
            })
        );
        assert_eq!(
            sniff("data.csv", b"{}"),
            Err(ImportKind::NotWhatItClaims {
                claimed: What::Csv,
                found: What::Json
            })
        );
    }

    #[test]
    fn text_in_another_encoding_is_named() {
        // "Mã" in Windows-1258.
        assert_eq!(
            sniff("x.csv", b"M\xE3,b\n"),
            Err(ImportKind::NotUtf8 { offset: 1 })
        );
    }

    #[test]
    fn an_empty_or_oversized_file_is_refused_before_reading() {
        assert_eq!(sniff("x.csv", b""), Err(ImportKind::Empty));
        let big = vec![b'a'; MAX_BYTES as usize + 1];
        assert_eq!(
            sniff("x.csv", &big),
            Err(ImportKind::TooLarge {
                bytes: MAX_BYTES + 1,
                limit: MAX_BYTES
            })
        );
    }
}
