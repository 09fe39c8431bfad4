//! The link codec over a million random inputs: it never panics, always yields a valid
//! state, and that state encodes to a link that decodes to exactly the same state.

use talent_core::link::url_state::{UrlState, SCENARIO_KEYS};

mod common;

use common::Rng;

const KEYS: &[&str] = &[
    "v", "view", "lang", "theme", "y", "tier", "sort", "hl", "flow", "pin", "end", "x", "", "=",
    "vv",
];
const VALUES: &[&str] = &[
    "1",
    "0",
    "2",
    "-1",
    "countries",
    "flows",
    "whatif",
    "zh",
    "en",
    "dark",
    "elite",
    "top",
    "2019",
    "2022",
    "1e308",
    "-1e308",
    "NaN",
    "inf",
    "-inf",
    "0.5",
    "1.0000001",
    "99999999999999999999",
    "cn",
    "us",
    "<x>",
    "%20",
    "",
    "&",
    "=",
    "中文",
    "0x10",
    "1_000",
    ".5",
    "5.",
    "+3",
    "--1",
];

fn random_query(rng: &mut Rng) -> String {
    match rng.below(4) {
        // Random bytes, read as UTF-8 where they are not.
        0 => {
            let len = rng.below(80);
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        // Printable ASCII soup with the separators the codec splits on.
        1 => {
            let len = rng.below(60);
            (0..len)
                .map(|_| {
                    let c = b"ab=&?v1.0-e9zx_%"[rng.below(16)];
                    c as char
                })
                .collect()
        }
        // Structured pairs with real and scenario keys and hostile values.
        _ => {
            let pairs = rng.below(12);
            let mut out = String::from(if rng.below(2) == 0 { "?" } else { "" });
            for i in 0..pairs {
                if i > 0 {
                    out.push('&');
                }
                let key = if rng.below(2) == 0 {
                    rng.pick(KEYS).to_string()
                } else {
                    SCENARIO_KEYS[rng.below(SCENARIO_KEYS.len())].0.to_string()
                };
                let value = match rng.below(3) {
                    0 => rng.pick(VALUES).to_string(),
                    1 => format!(
                        "{}",
                        (rng.next() as i64) as f64 / (1u64 << rng.below(64)) as f64
                    ),
                    _ => format!("{}", rng.next() % 3000),
                };
                out.push_str(&key);
                out.push('=');
                out.push_str(&value);
            }
            out
        }
    }
}

fn assert_valid(state: &UrlState, query: &str) {
    let s = state.scenario;
    assert_eq!(s, s.clamped(), "not clamped for {query:?}");
    for (key, get, _) in SCENARIO_KEYS {
        let v = get(&s);
        assert!(v.is_finite(), "{key} not finite for {query:?}");
    }
    for group in [
        [s.origin_us, s.origin_china, s.origin_rest],
        [s.china_to_us, s.china_stay, s.china_to_rest],
        [s.us_stay, s.us_to_china, s.us_to_rest],
        [s.rest_to_us, s.rest_to_china, s.rest_stay],
    ] {
        assert!(
            (group.iter().sum::<f64>() - 1.0).abs() < 1e-9,
            "shares for {query:?}"
        );
        assert!(
            group.iter().all(|v| (0.0..=1.0).contains(v)),
            "share range for {query:?}"
        );
    }
}

#[test]
fn a_million_random_links_never_break_the_state() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..1_000_000 {
        let query = random_query(&mut rng);
        let (state, _) = UrlState::from_query(&query);
        assert_valid(&state, &query);
        let link = state.to_query();
        let (mut again, issues) = UrlState::from_query(&link);
        assert!(issues.is_empty(), "{link:?} from {query:?} gave {issues:?}");
        // The view is the page's folder, not part of the query.
        again.view = state.view;
        assert_eq!(again, state, "{link:?} from {query:?}");
        assert_eq!(again.to_query(), link);
    }
}
