//! Opening hours in the OSM `opening_hours` syntax the schema prescribes, limited to the
//! subset real data uses (checked on the Hinaura sample: weekdays, ranges, lists, time spans,
//! `off`): `Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; We off`. As in OSM, a later rule
//! replaces earlier ones for the days it names. Anything else (holidays `PH`, months, week
//! numbers, comments) is reported as unsupported, so the place shows its raw text instead of a
//! wrong "open now". Evaluated in Europe/Paris civil time.

use jiff::civil::Weekday;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use std::sync::OnceLock;

const DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// Minutes since local midnight, `[open, close)`; `close` may be 1440.
pub type Span = (u16, u16);

/// Spans per weekday, Monday first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Week(pub [Vec<Span>; 7]);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("opening hours {text:?}: cannot read {part:?}")]
pub struct Unsupported {
    pub text: String,
    pub part: String,
}

fn paris() -> &'static TimeZone {
    static TZ: OnceLock<TimeZone> = OnceLock::new();
    TZ.get_or_init(|| TimeZone::get("Europe/Paris").expect("Europe/Paris in the bundled tz database"))
}

fn day(s: &str) -> Option<usize> {
    DAYS.iter().position(|d| *d == s)
}

fn time(s: &str) -> Option<u16> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= 1440 && h.to_string().len() <= 2 && m.to_string().len() <= 2).then_some(h * 60 + m)
}

/// Parses the supported subset.
pub fn parse(text: &str) -> Result<Week, Unsupported> {
    let err = |part: &str| Unsupported { text: text.to_string(), part: part.to_string() };
    let mut week = Week::default();
    for rule in text.split(';').map(str::trim).filter(|r| !r.is_empty()) {
        // A rule without a day selector applies to every day (OSM).
        let every_day = rule.starts_with(|c: char| c.is_ascii_digit());
        let (days_part, times_part) =
            if every_day { ("Mo-Su", rule) } else { rule.split_once(' ').ok_or_else(|| err(rule))? };
        let mut days = [false; 7];
        for d in days_part.split(',') {
            match d.split_once('-') {
                Some((a, b)) => {
                    let (a, b) = (day(a).ok_or_else(|| err(d))?, day(b).ok_or_else(|| err(d))?);
                    let mut i = a;
                    loop {
                        days[i] = true;
                        if i == b {
                            break;
                        }
                        i = (i + 1) % 7;
                    }
                }
                None => days[day(d).ok_or_else(|| err(d))?] = true,
            }
        }
        let times_part = times_part.trim();
        let spans: Vec<Span> = if times_part == "off" || times_part == "closed" {
            Vec::new()
        } else {
            let mut v = Vec::new();
            for span in times_part.split(',').map(str::trim) {
                let (a, b) = span.split_once('-').ok_or_else(|| err(span))?;
                let (a, b) = (time(a.trim()).ok_or_else(|| err(span))?, time(b.trim()).ok_or_else(|| err(span))?);
                if a >= b {
                    return Err(err(span));
                }
                v.push((a, b));
            }
            v.sort();
            v
        };
        for (i, on) in days.iter().enumerate() {
            if *on {
                week.0[i] = spans.clone();
            }
        }
    }
    Ok(week)
}

/// The Europe/Paris weekday (0 = Monday) and minute of the day at `at`.
pub fn paris_moment(at: Timestamp) -> (usize, u16) {
    let dt = at.to_zoned_datetime(paris().clone()).datetime();
    let wd = match dt.weekday() {
        Weekday::Monday => 0,
        Weekday::Tuesday => 1,
        Weekday::Wednesday => 2,
        Weekday::Thursday => 3,
        Weekday::Friday => 4,
        Weekday::Saturday => 5,
        Weekday::Sunday => 6,
    };
    (wd, dt.hour() as u16 * 60 + dt.minute() as u16)
}

impl Week {
    /// Whether the place is open at `at`.
    pub fn is_open(&self, at: Timestamp) -> bool {
        let (wd, minute) = paris_moment(at);
        self.0[wd].iter().any(|(a, b)| *a <= minute && minute < *b)
    }
    /// Today's spans (Europe/Paris), e.g. to print "09:00–12:00, 14:00–17:00".
    pub fn today(&self, at: Timestamp) -> &[Span] {
        &self.0[paris_moment(at).0]
    }
}

/// `HH:MM` of a minute of the day.
pub fn hhmm(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn the_schemas_example_parses() {
        let w = parse("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00").unwrap();
        assert_eq!(w.0[0], vec![(540, 720), (840, 1110)]);
        assert_eq!(w.0[5], vec![(510, 720)]);
        assert!(w.0[6].is_empty());
    }

    #[test]
    fn a_later_rule_replaces_earlier_days() {
        let w = parse("Mo-Fr 09:00-12:00,14:00-17:00; We off").unwrap();
        assert!(w.0[2].is_empty());
        assert_eq!(w.0[3].len(), 2);
        let w = parse("Tu-Fr 09:00-12:00; We,Sa 14:00-18:00").unwrap();
        assert_eq!(w.0[2], vec![(840, 1080)]);
        assert_eq!(w.0[5], vec![(840, 1080)]);
        assert_eq!(w.0[1], vec![(540, 720)]);
    }

    #[test]
    fn unsupported_syntax_is_reported_not_guessed() {
        assert_eq!(parse("Mo-Fr 09:00-12:00; PH off").unwrap_err().part, "PH");
        assert!(parse("Mo 9h-12h").is_err());
        // Wrapping past midnight is valid OSM but implausible for a place that receives the
        // public (two real rows say "Fr 19:00-11:00"): not evaluated rather than guessed.
        assert!(parse("Mo 12:00-09:00").is_err());
        assert_eq!(parse("09:00-12:00").unwrap().0, std::array::from_fn(|_| vec![(540, 720)]));
    }

    /// France leaves summer time on Sunday 2026-10-25 at 03:00 CEST (01:00 UTC) and enters it
    /// on Sunday 2026-03-29 at 02:00 CET (01:00 UTC). 09:30 Paris is 07:30 UTC in summer and
    /// 08:30 UTC in winter: the same UTC instant answers differently on each side.
    #[test]
    fn open_now_follows_paris_time_across_the_dst_change() {
        let w = parse("Mo-Fr 09:00-12:00").unwrap();
        // Friday 23 October 2026, summer time (UTC+2).
        assert!(w.is_open(ts("2026-10-23T07:30:00Z")), "09:30 CEST");
        assert!(!w.is_open(ts("2026-10-23T06:30:00Z")), "08:30 CEST");
        // Monday 26 October 2026, winter time (UTC+1).
        assert!(!w.is_open(ts("2026-10-26T07:30:00Z")), "08:30 CET");
        assert!(w.is_open(ts("2026-10-26T08:30:00Z")), "09:30 CET");
        assert!(!w.is_open(ts("2026-10-26T11:00:00Z")), "12:00 CET: closing minute excluded");
        // Spring: Friday 27 March (CET) then Monday 30 March 2026 (CEST).
        assert!(!w.is_open(ts("2026-03-27T07:30:00Z")), "08:30 CET");
        assert!(w.is_open(ts("2026-03-30T07:30:00Z")), "09:30 CEST");
        // Sunday: closed; and the day is Paris's, not UTC's (Sunday 23:30 UTC = Monday 00:30 CET).
        assert_eq!(paris_moment(ts("2026-10-25T23:30:00Z")), (0, 30));
        assert_eq!(w.today(ts("2026-10-25T12:00:00Z")), &[] as &[Span]);
    }
}
