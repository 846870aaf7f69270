//! Matching the items of two lists by a stable key, never by position.

/// A pair of matched items, or an item only one side has.
pub(super) enum Pair<'a, T> {
    Both(&'a T, &'a T),
    Added(&'a T),
    Removed(&'a T),
}

impl<T> Clone for Pair<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Pair<'_, T> {}

impl<'a, T> Pair<'a, T> {
    /// The new side's item, or the only side's.
    pub(super) fn item(self) -> &'a T {
        match self {
            Pair::Added(x) | Pair::Removed(x) | Pair::Both(_, x) => x,
        }
    }

    pub(super) fn in_old(self) -> Option<&'a T> {
        match self {
            Pair::Removed(x) | Pair::Both(x, _) => Some(x),
            Pair::Added(_) => None,
        }
    }

    pub(super) fn in_new(self) -> Option<&'a T> {
        match self {
            Pair::Added(x) | Pair::Both(_, x) => Some(x),
            Pair::Removed(_) => None,
        }
    }
}

pub(super) fn none<T>(_: &T) -> Option<()> {
    None
}

/// Matches `old` and `new` by `key`. An item left unmatched on both sides is matched by
/// `fallback` where exactly one such item on each side shares it (a context figure whose id
/// changed with its as-of, by its series). In the new side's order, each removal right after the
/// item that stood before it in the old (first where none did).
pub(super) fn align<'a, T, K: PartialEq, F: PartialEq>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> K,
    fallback: impl Fn(&T) -> Option<F>,
) -> Vec<Pair<'a, T>> {
    let mut partner: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];
    for (j, n) in new.iter().enumerate() {
        let k = key(n);
        if let Some(i) = (0..old.len()).find(|&i| !taken[i] && key(&old[i]) == k) {
            partner[j] = Some(i);
            taken[i] = true;
        }
    }
    for j in 0..new.len() {
        let Some(f) = partner[j].is_none().then(|| fallback(&new[j])).flatten() else {
            continue;
        };
        let same = |x: &T| fallback(x).as_ref() == Some(&f);
        let news = (0..new.len()).filter(|&x| partner[x].is_none() && same(&new[x]));
        let olds: Vec<usize> = (0..old.len())
            .filter(|&i| !taken[i] && same(&old[i]))
            .collect();
        if let (1, [i]) = (news.count(), olds.as_slice()) {
            partner[j] = Some(*i);
            taken[*i] = true;
        }
    }
    // Each removal follows the item that stood before it in the old, wherever that now stands.
    let mut new_of = vec![None; old.len()];
    for (j, i) in partner.iter().enumerate() {
        if let Some(i) = *i {
            new_of[i] = Some(j);
        }
    }
    let mut first = Vec::new();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); new.len()];
    for i in (0..old.len()).filter(|&i| !taken[i]) {
        match (0..i).rev().find_map(|p| new_of[p]) {
            Some(j) => after[j].push(i),
            None => first.push(i),
        }
    }
    let mut out: Vec<Pair<'a, T>> = first.iter().map(|&i| Pair::Removed(&old[i])).collect();
    for (j, n) in new.iter().enumerate() {
        out.push(match partner[j] {
            Some(i) => Pair::Both(&old[i], n),
            None => Pair::Added(n),
        });
        out.extend(after[j].iter().map(|&i| Pair::Removed(&old[i])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids<T>(pairs: &[Pair<'_, T>], name: impl Fn(&T) -> char) -> String {
        pairs
            .iter()
            .map(|p| match p {
                Pair::Both(_, x) => format!("={}", name(x)),
                Pair::Added(x) => format!("+{}", name(x)),
                Pair::Removed(x) => format!("-{}", name(x)),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn items_are_matched_by_key_in_the_new_order_with_removals_where_they_stood() {
        let (old, new) = (['a', 'b', 'c', 'd'], ['c', 'a', 'x', 'd']);
        let pairs = align(&old, &new, |c| *c, none);
        assert_eq!(ids(&pairs, |c| *c), "=c =a -b +x =d");
        let pairs = align(&['a', 'b'], &['b'], |c| *c, none);
        assert_eq!(ids(&pairs, |c| *c), "-a =b");
        let pairs = align(&['a', 'b'], &['a'], |c| *c, none);
        assert_eq!(ids(&pairs, |c| *c), "=a -b");
    }

    #[test]
    fn an_unmatched_item_is_paired_by_its_fallback_only_when_it_is_the_only_one() {
        // (key, fallback): one unmatched on each side with fallback 1; two with fallback 2.
        let old = [('a', 1), ('b', 2), ('c', 2)];
        let new = [('x', 1), ('y', 2), ('z', 2)];
        let pairs = align(&old, &new, |p| p.0, |p| Some(p.1));
        assert_eq!(ids(&pairs, |p| p.0), "=x -b -c +y +z");
    }
}
