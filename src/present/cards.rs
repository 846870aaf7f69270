//! The cards under the charts: the general goals, the local initiatives and the figures that
//! stand alone, each with its sources linked. The app and the static page show the same cards.

use super::{as_of_label, figure_text, single_figures, source_refs, SourceRef};
use crate::i18n::Lang;
use crate::snapshot::Snapshot;

/// A general goal, in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalCard {
    pub text: String,
    pub sources: Vec<SourceRef>,
}

/// A local initiative. Its services are named as the source names them, in Vietnamese.
#[derive(Debug, Clone, PartialEq)]
pub struct InitiativeCard {
    pub name: String,
    pub by: String,
    pub description: String,
    pub services: Vec<String>,
    pub sources: Vec<SourceRef>,
}

/// A figure that stands alone (one point in its series): "gần 99%", its name and its as-of.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureCard {
    pub value: String,
    pub name: String,
    pub as_of: String,
    pub sources: Vec<SourceRef>,
}

pub fn goal_cards(lang: Lang, s: &Snapshot) -> Vec<GoalCard> {
    s.goals
        .iter()
        .map(|g| GoalCard {
            text: lang.pick(&g.text).to_string(),
            sources: source_refs(lang, s, &g.sources),
        })
        .collect()
}

pub fn initiative_cards(lang: Lang, s: &Snapshot) -> Vec<InitiativeCard> {
    s.initiatives
        .iter()
        .map(|i| InitiativeCard {
            name: lang.pick(&i.name).to_string(),
            by: lang.pick(&i.by).to_string(),
            description: lang.pick(&i.description).to_string(),
            services: i.services.clone(),
            sources: source_refs(lang, s, &i.sources),
        })
        .collect()
}

pub fn figure_cards(lang: Lang, s: &Snapshot) -> Vec<FigureCard> {
    single_figures(s)
        .into_iter()
        .map(|c| FigureCard {
            value: figure_text(lang, c),
            name: lang.pick(&c.name).to_string(),
            as_of: as_of_label(lang, s, &c.as_of),
            sources: source_refs(lang, s, &c.sources),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::test_snapshot as snapshot;

    #[test]
    fn every_card_names_its_sources_by_title_not_by_id() {
        let s = snapshot();
        let goals = goal_cards(Lang::Vi, &s);
        assert_eq!(goals.len(), 2);
        assert_eq!(goals[1].sources.len(), 2);
        assert!(goals[1].sources[0]
            .title
            .starts_with("Bà Rịa – Vũng Tàu đặt mục tiêu"));
        assert_eq!(goals[1].sources[0].detail, "Vietnamnet · 17/04/2024");
        let figures = figure_cards(Lang::En, &s);
        let on_time = figures
            .iter()
            .find(|f| f.value == "nearly 99%")
            .expect("nearly 99%");
        assert_eq!(on_time.as_of, "full year 2023");
        assert_eq!(
            on_time.sources[0].title,
            "Gần 99% thủ tục hành chính ở Bà Rịa – Vũng Tàu được giải quyết đúng hạn"
        );
        let ioc = figures.iter().find(|f| f.value == "26").expect("26");
        assert_eq!(ioc.as_of, "29 January 2024");
        let pilot = &initiative_cards(Lang::En, &s)[1];
        assert!(pilot.description.contains("on Mondays and Thursdays"));
        assert_eq!(pilot.sources[0].id, "vnpthcm-33-39-2023");
    }
}
