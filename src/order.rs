//! Sorting, with one sort in the whole program.
//!
//! Every `sort_by_key` with its own closure makes the compiler write out a whole sort
//! (driftsort, with its small-sort and pivot helpers: 2–5 KB of WASM each); the reader's page had
//! eight of them. Here the keys are taken once, the positions are sorted by one sort through a
//! `dyn` comparison, and the items are put in that order: one sort in the WASM, whatever the
//! callers sort by. The lists sorted are a page's worth (a ranking of hundreds at most).

use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` gives, stable: equal positions keep their order.
fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut at: Vec<usize> = (0..n).collect();
    at.sort_by(|&a, &b| cmp(a, b));
    at
}

/// Sorts `items` by `key`, stably, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let at = positions(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(at.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_the_key_and_keeps_equal_items_in_their_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut w = vec!["b".to_string(), "a".to_string()];
        sort_by_key(&mut w, |s| std::cmp::Reverse(s.clone()));
        assert_eq!(w, ["b", "a"]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |x| *x);
        assert!(empty.is_empty());
    }
}
