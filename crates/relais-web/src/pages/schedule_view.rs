//! What the shift pages share: which Paris week a page shows (`?semaine=N`, N weeks after
//! the current one) and how days and times read in the person's language.

use crate::i18n::Tr;
use jiff::ToSpan;
use jiff::civil::Date;
use relais_domain::Millis;
use relais_domain::schedule::hours::weekday_index;
use relais_domain::schedule::{paris_datetime, paris_instant, paris_week_monday};

/// How many weeks ahead the pages let people look (and shifts are generated).
pub const WEEKS_AHEAD: i64 = 8;

/// One Paris week, Monday 00:00 to the next Monday 00:00.
pub struct Week {
    pub offset: i64,
    pub monday: Date,
    pub from: Millis,
    pub to: Millis,
}

impl Week {
    /// The week `?semaine=` asks for (0 = this week; clamped to 0..WEEKS_AHEAD).
    pub fn from_query(query: Option<&str>, now: Millis) -> Week {
        let offset = query
            .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("semaine=")))
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
            .clamp(0, WEEKS_AHEAD - 1);
        Week::at(offset, now)
    }

    pub fn at(offset: i64, now: Millis) -> Week {
        let monday = paris_week_monday(now).checked_add((7 * offset).days()).expect("in range");
        let next = monday.checked_add(7.days()).expect("in range");
        Week { offset, monday, from: paris_instant(monday, 0), to: paris_instant(next, 0) }
    }

    pub fn previous(&self) -> Option<i64> {
        (self.offset > 0).then_some(self.offset - 1)
    }

    pub fn next(&self) -> Option<i64> {
        (self.offset + 1 < WEEKS_AHEAD).then_some(self.offset + 1)
    }
}

/// "lundi 07/12" in the person's language.
pub fn day_label(tr: &Tr, day: Date) -> String {
    format!("{} {:02}/{:02}", tr.t(&format!("shifts-weekday-{}", weekday_index(day.weekday()))), day.day(), day.month())
}

/// "09:00" in Paris.
pub fn time_label(t: Millis) -> String {
    let dt = paris_datetime(t);
    format!("{:02}:{:02}", dt.hour(), dt.minute())
}

/// "lundi 07/12, 09:00–11:00" in Paris.
pub fn slot_label(tr: &Tr, start: Millis, end: Millis) -> String {
    format!("{}, {}–{}", day_label(tr, paris_datetime(start).date()), time_label(start), time_label(end))
}
