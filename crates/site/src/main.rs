//! Bakes the static site around the wasm app (run by Trunk's post-build hook).
//!
//! `talent_site palette` writes `public/palette.css` from the chart palette.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("palette") => {
            let path =
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/palette.css");
            std::fs::write(&path, talent_charts::palette::css_variables())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        _ => {
            eprintln!("usage: talent_site palette");
            std::process::exit(2);
        }
    }
}
