//! A linear mapping between data values and pixels, both ways.

/// A tick on a chart's value axis, already placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// The value the tick stands for, in the data's units.
    pub value: f64,
    /// Where the tick is drawn, in px from the chart's left edge.
    pub x: f64,
    /// What is written under it, in the reader's language ("50", "50%").
    pub label: String,
}

/// Maps `domain` onto `range` linearly; `invert` maps pixels back to data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Linear { domain, range }
    }

    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }

    pub fn invert(&self, px: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return d0;
        }
        d0 + (px - r0) / (r1 - r0) * (d1 - d0)
    }

    /// Round tick values covering the domain, about `count` of them (1, 2 or 5 times a power of 10).
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        let (d0, d1) = (
            self.domain.0.min(self.domain.1),
            self.domain.0.max(self.domain.1),
        );
        if d1 <= d0
            || d1.is_nan()
            || d0.is_nan()
            || count == 0
            || !d0.is_finite()
            || !d1.is_finite()
        {
            return vec![d0];
        }
        let rough = (d1 - d0) / count as f64;
        let mag = 10f64.powf(rough.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .map(|m| m * mag)
            .find(|s| (d1 - d0) / s <= count as f64)
            .unwrap_or(10.0 * mag);
        let first = (d0 / step).ceil();
        let last = (d1 / step).floor();
        // Bounded: `count` is small and the step was chosen so the span holds at most `count` steps.
        (first as i64..=last as i64)
            .map(|i| i as f64 * step)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_corners_and_centre_and_back() {
        let s = Linear::new((0.0, 16.0), (10.0, 330.0));
        for (v, px) in [(0.0, 10.0), (16.0, 330.0), (8.0, 170.0)] {
            assert!((s.map(v) - px).abs() < 1e-9);
            assert!((s.invert(px) - v).abs() < 1e-9);
        }
    }

    #[test]
    fn degenerate_domains_do_not_divide_by_zero() {
        let s = Linear::new((5.0, 5.0), (0.0, 100.0));
        assert_eq!(s.map(5.0), 0.0);
        assert_eq!(Linear::new((0.0, 1.0), (3.0, 3.0)).invert(3.0), 0.0);
    }

    #[test]
    fn ticks_are_round_and_inside_the_domain() {
        assert_eq!(
            Linear::new((0.0, 16.0), (0.0, 1.0)).ticks(4),
            vec![0.0, 5.0, 10.0, 15.0]
        );
        assert_eq!(
            Linear::new((0.0, 100.0), (0.0, 1.0)).ticks(5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(Linear::new((0.0, 0.0), (0.0, 1.0)).ticks(5), vec![0.0]);
    }
}
