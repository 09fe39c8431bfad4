//! Starts the app: a panic shows in the console, then `talent_app::start`.

fn main() {
    console_error_panic_hook::set_once();
    talent_app::start();
}
