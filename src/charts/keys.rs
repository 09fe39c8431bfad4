//! Keyboard movement through the marks of a chart, shared by the charts whose marks
//! form one list (bars, dots).

/// The focus after a key press in a list of `total` marks: `Some(new)` when the key
/// moves or clears the focus (`new` is `None` after Esc), `None` when the key is not ours.
pub fn list_step(key: &str, current: Option<usize>, total: usize) -> Option<Option<usize>> {
    if total == 0 {
        return None;
    }
    Some(match (key, current) {
        ("ArrowDown" | "ArrowRight", Some(i)) => Some((i + 1).min(total - 1)),
        ("ArrowUp" | "ArrowLeft", Some(i)) => Some(i.saturating_sub(1)),
        ("ArrowDown" | "ArrowRight" | "ArrowUp" | "ArrowLeft", None) | ("Home", _) => Some(0),
        ("End", _) => Some(total - 1),
        ("Escape", _) => None,
        _ => return None,
    })
}
