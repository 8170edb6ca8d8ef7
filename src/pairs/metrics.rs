//! Accuracy, per-class precision, recall and F1, and macro-F1 of predicted pair labels against gold
//! ones (the figures `pairs_eval` and `train_pairs` print).

use std::fmt;

use super::PairLabel;

/// Scores of a labelled set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// `confusion[gold][predicted]`, in the order of [`PairLabel::ALL`].
    pub confusion: [[usize; 3]; 3],
}

impl Scores {
    /// Counts (gold, predicted) pairs.
    pub fn of(pairs: impl IntoIterator<Item = (PairLabel, PairLabel)>) -> Scores {
        let mut s = Scores::default();
        for (g, p) in pairs {
            s.confusion[g.index()][p.index()] += 1;
        }
        s
    }

    /// The number of rows.
    pub fn rows(&self) -> usize {
        self.confusion.iter().flatten().sum()
    }

    /// The share of rows labelled right.
    pub fn accuracy(&self) -> f64 {
        let right: usize = (0..3).map(|i| self.confusion[i][i]).sum();
        right as f64 / self.rows().max(1) as f64
    }

    /// Precision, recall and F1 of one label.
    pub fn prf(&self, label: PairLabel) -> (f64, f64, f64) {
        let i = label.index();
        let tp = self.confusion[i][i] as f64;
        let predicted: usize = (0..3).map(|g| self.confusion[g][i]).sum();
        let gold: usize = self.confusion[i].iter().sum();
        let p = if predicted > 0 {
            tp / predicted as f64
        } else {
            0.0
        };
        let r = if gold > 0 { tp / gold as f64 } else { 0.0 };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// The mean F1 of the three labels.
    pub fn macro_f1(&self) -> f64 {
        PairLabel::ALL.iter().map(|&l| self.prf(l).2).sum::<f64>() / 3.0
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "rows {}  accuracy {:.4}", self.rows(), self.accuracy())?;
        for l in PairLabel::ALL {
            let (p, r, f1) = self.prf(l);
            let row = &self.confusion[l.index()];
            writeln!(
                f,
                "{:9} P {p:.3} R {r:.3} F1 {f1:.3}  gold {:4}  predicted as agree/disagree/other: {}/{}/{}",
                l.as_str(),
                row.iter().sum::<usize>(),
                row[0],
                row[1],
                row[2]
            )?;
        }
        writeln!(f, "macro-F1 {:.4}", self.macro_f1())
    }
}
