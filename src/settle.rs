//! Values that follow a signal once it stops changing, for what need not keep up with
//! every step of a dragged slider (and would slow each step down if it did).

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// Milliseconds after the last change until a settled value follows.
pub const SETTLE_MS: u32 = 150;

/// A signal that takes the value of `source` [`SETTLE_MS`] after it last changed.
/// Setting the returned signal settles it at once; a value it already holds is not set
/// again, so what depends on it is not recomputed for nothing.
pub fn settled<T>(source: impl Fn() -> T + 'static) -> RwSignal<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let settled = RwSignal::new(untrack(&source));
    let pending = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |_| {
        let now = source();
        let timeout = Timeout::new(SETTLE_MS, move || {
            if settled.with_untracked(|held| *held != now) {
                settled.set(now);
            }
        });
        pending.set_value(Some(timeout)); // drops, and so cancels, the previous one
    });
    settled
}
