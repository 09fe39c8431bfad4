//! The link codec over a million random inputs: it never panics, always yields a valid
//! state (valid scenario and baseline, already rounded to the link's steps), and that
//! state encodes to a link that decodes, without a notice, to exactly the same state.

use talent_core::link::url_state::{UrlState, BASELINE_KEY, BASELINE_PREFIX, RETIRED_KEYS};
use talent_core::model::projection::{Param, Scenario};
use talent_core::model::random::SplitMix64;

/// Keys that are not what-if parameters, some of them junk.
const KEYS: &[&str] = &[
    "v", "view", "lang", "theme", "y", "tier", "sort", "hl", "flow", "pin", "x", "", "=", "vv",
    "b.", "b.zz",
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
    "0.06999999999999995",
    "0.977057",
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

fn pick<'a>(rng: &mut SplitMix64, items: &[&'a str]) -> &'a str {
    items[rng.below(items.len() as u64) as usize]
}

/// A key: a what-if parameter, the same for the baseline, the baseline flag, a retired
/// key, or one of the others.
fn random_key(rng: &mut SplitMix64) -> String {
    match rng.below(6) {
        0 | 1 => Param::ALL[rng.below(Param::COUNT as u64) as usize]
            .key()
            .to_string(),
        2 => format!(
            "{BASELINE_PREFIX}{}",
            Param::ALL[rng.below(Param::COUNT as u64) as usize].key()
        ),
        3 => match rng.below(2) {
            0 => BASELINE_KEY.to_string(),
            _ => RETIRED_KEYS[rng.below(RETIRED_KEYS.len() as u64) as usize].to_string(),
        },
        _ => pick(rng, KEYS).to_string(),
    }
}

fn random_query(rng: &mut SplitMix64) -> String {
    match rng.below(4) {
        // Random bytes, read as UTF-8 where they are not.
        0 => {
            let len = rng.below(80);
            let bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        // Printable ASCII soup with the separators the codec splits on.
        1 => {
            let len = rng.below(60);
            (0..len)
                .map(|_| b"ab=&?v1.0-e9zx_%r"[rng.below(17) as usize] as char)
                .collect()
        }
        // Structured pairs with real keys and hostile values.
        _ => {
            let pairs = rng.below(12);
            let mut out = String::from(if rng.below(2) == 0 { "?" } else { "" });
            for i in 0..pairs {
                if i > 0 {
                    out.push('&');
                }
                let key = random_key(rng);
                let value = match rng.below(4) {
                    0 => pick(rng, VALUES).to_string(),
                    // Any double, at any scale.
                    1 => format!(
                        "{}",
                        (rng.next_u64() as i64) as f64 / (1u64 << rng.below(64)) as f64
                    ),
                    // In the ranges the parameters use, with long decimals.
                    2 => format!("{}", rng.unit()),
                    _ => format!("{}", rng.below(3000)),
                };
                out.push_str(&key);
                out.push('=');
                out.push_str(&value);
            }
            out
        }
    }
}

#[track_caller]
fn assert_valid(s: &Scenario, query: &str) {
    assert!(s.is_valid(), "not valid for {query:?}: {s:?}");
    assert_eq!(s.rounded(), *s, "not rounded for {query:?}");
    for p in Param::ALL {
        let (min, max) = p.range();
        assert!((min..=max).contains(&s.get(p)), "{p:?} for {query:?}");
    }
}

#[test]
fn a_million_random_links_never_break_the_state() {
    let mut rng = SplitMix64::new(0x9e37_79b9_7f4a_7c15);
    let mut with_baseline = 0;
    for _ in 0..1_000_000 {
        let query = random_query(&mut rng);
        let (state, _) = UrlState::from_query(&query);
        assert_valid(&state.scenario, &query);
        if let Some(b) = &state.baseline {
            assert_valid(b, &query);
            with_baseline += 1;
        }
        let link = state.to_query();
        let (mut again, notices) = UrlState::from_query(&link);
        assert!(
            notices.is_empty(),
            "{link:?} from {query:?} gave {notices:?}"
        );
        // The view is the page's folder, not part of the query.
        again.view = state.view;
        assert_eq!(again, state, "{link:?} from {query:?}");
        assert_eq!(again.to_query(), link);
    }
    // The baseline keys are exercised, not just generated.
    assert!(with_baseline > 10_000, "{with_baseline}");
}
