//! What a mark says when a reader points at it or moves the keyboard focus to it.

/// A tooltip, already in the reader's language; also the text a screen reader hears.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Tip {
    /// First line, bold: what the mark is.
    pub heading: String,
    /// Its value with unit.
    pub value: String,
    /// Basis, formula or caveat.
    pub detail: String,
}

impl Tip {
    /// The tooltip as one sentence for a live region.
    pub fn announcement(&self) -> String {
        let mut text = format!("{}: {}", self.heading, self.value);
        if !self.detail.is_empty() {
            text.push_str(". ");
            text.push_str(&self.detail);
        }
        text
    }
}
