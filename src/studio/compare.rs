//! The comparison with the published version, figure by figure: the same changes as
//! `chiso-diff` and the change log (`diff::diff`), in the same words (`present::change_line`),
//! in both languages, each marked by its kind; a value removed or turned unknown is loud.

use crate::diff::{diff, ChangeKind};
use crate::i18n::Lang;
use crate::present::{change_line, changes_summary, ChangeLine};
use crate::snapshot::Snapshot;

use super::words::W;

/// One change, said in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub kind: ChangeKind,
    /// A published value disappears or turns unknown.
    pub loud: bool,
    /// `[vi, en]`.
    pub said: [ChangeLine; 2],
}

/// Every change from the published version `old` to `new`, and the count line in both
/// languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub lines: Vec<Line>,
    /// `[vi, en]`: "2 thay đổi, 1 giá trị bị bỏ hoặc thành chưa rõ."
    pub summary: [String; 2],
}

impl Comparison {
    pub fn loud(&self) -> usize {
        self.lines.iter().filter(|l| l.loud).count()
    }
}

pub fn compare(old: &Snapshot, new: &Snapshot) -> Comparison {
    let changes = diff(old, new);
    let lines = changes
        .iter()
        .map(|c| Line {
            kind: c.kind,
            loud: c.loud(),
            said: [Lang::Vi, Lang::En].map(|l| change_line(l, old, new, c)),
        })
        .collect();
    Comparison {
        lines,
        summary: [Lang::Vi, Lang::En].map(|l| changes_summary(l, &changes)),
    }
}

/// The word for a kind of change.
pub fn kind_word(kind: ChangeKind) -> W {
    match kind {
        ChangeKind::Added => W::Added,
        ChangeKind::Removed => W::Removed,
        ChangeKind::Changed => W::Changed,
        ChangeKind::BecameUnknown => W::BecameUnknown,
        ChangeKind::BecameKnown => W::BecameKnown,
    }
}

/// The kind as a stable name, for the page's markup and its tests.
pub fn kind_name(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Changed => "changed",
        ChangeKind::BecameUnknown => "became-unknown",
        ChangeKind::BecameKnown => "became-known",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::parse_snapshot;

    fn bundled() -> Snapshot {
        parse_snapshot(include_bytes!(
            "../../public/data/ba-ria-vung-tau-2023.json"
        ))
        .expect("valid")
    }

    #[test]
    fn one_figure_changed_is_one_quiet_change_in_both_languages() {
        let old = bundled();
        let mut new = old.clone();
        new.tallies[1].overall.met = 36;
        let c = compare(&old, &new);
        assert_eq!(c.lines.len(), 1);
        let l = &c.lines[0];
        assert_eq!(l.kind, ChangeKind::Changed);
        assert!(!l.loud);
        assert_eq!(
            (l.said[0].old.as_str(), l.said[0].new.as_str()),
            ("35/39", "36/39")
        );
        assert!(
            l.said[1].what.contains("full year 2023"),
            "{}",
            l.said[1].what
        );
        assert!(c.summary[1].starts_with("1 change, 0 values"));
        assert_eq!(c.loud(), 0);
    }

    #[test]
    fn a_value_deleted_is_loud() {
        let old = bundled();
        let mut new = old.clone();
        let i = new
            .indicators
            .iter()
            .position(|i| i.result.is_some())
            .expect("a result");
        new.indicators[i].result = None;
        let c = compare(&old, &new);
        assert_eq!(c.loud(), 1);
        let l = c.lines.iter().find(|l| l.loud).expect("loud");
        assert_eq!(l.kind, ChangeKind::BecameUnknown);
        assert_eq!(kind_name(l.kind), "became-unknown");
        assert_eq!(kind_word(l.kind).say(Lang::En), "Now unknown");
    }

    #[test]
    fn the_same_snapshot_has_no_change() {
        let c = compare(&bundled(), &bundled());
        assert!(c.lines.is_empty());
        assert_eq!(c.loud(), 0);
    }
}
