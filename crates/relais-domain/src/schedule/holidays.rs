//! French public holidays ("jours fériés" of metropolitan France), computed for any year.
//! The Easter-based ones follow the Gregorian computus (anonymous Gregorian algorithm,
//! a.k.a. Meeus/Jones/Butcher).

use jiff::civil::{Date, date};
use jiff::ToSpan;

/// Which public holiday a date is; the code is stable (used in translation keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    NewYear,
    EasterMonday,
    LabourDay,
    VictoryInEurope,
    Ascension,
    WhitMonday,
    BastilleDay,
    Assumption,
    AllSaints,
    Armistice,
    Christmas,
}

impl Holiday {
    pub fn code(self) -> &'static str {
        match self {
            Holiday::NewYear => "new-year",
            Holiday::EasterMonday => "easter-monday",
            Holiday::LabourDay => "labour-day",
            Holiday::VictoryInEurope => "victory-1945",
            Holiday::Ascension => "ascension",
            Holiday::WhitMonday => "whit-monday",
            Holiday::BastilleDay => "bastille-day",
            Holiday::Assumption => "assumption",
            Holiday::AllSaints => "all-saints",
            Holiday::Armistice => "armistice",
            Holiday::Christmas => "christmas",
        }
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (valid for 1583..=9999).
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1..=31 by construction of the algorithm.
    date(year, month as i8, day as i8)
}

/// The public holidays of `year`, in calendar order. Whit Monday is listed always; whether
/// it closes the line is the caller's setting (it is the "journée de solidarité").
pub fn public_holidays(year: i16) -> Vec<(Date, Holiday)> {
    let easter = easter_sunday(year);
    let after_easter = |days: i64| easter.checked_add(days.days()).expect("Easter-based date in range");
    let mut all = vec![
        (date(year, 1, 1), Holiday::NewYear),
        (after_easter(1), Holiday::EasterMonday),
        (date(year, 5, 1), Holiday::LabourDay),
        (date(year, 5, 8), Holiday::VictoryInEurope),
        (after_easter(39), Holiday::Ascension),
        (after_easter(50), Holiday::WhitMonday),
        (date(year, 7, 14), Holiday::BastilleDay),
        (date(year, 8, 15), Holiday::Assumption),
        (date(year, 11, 1), Holiday::AllSaints),
        (date(year, 11, 11), Holiday::Armistice),
        (date(year, 12, 25), Holiday::Christmas),
    ];
    all.sort_by_key(|(d, _)| *d);
    all
}

/// The holiday falling on `day`, if any.
pub fn holiday_on(day: Date) -> Option<Holiday> {
    public_holidays(day.year()).into_iter().find(|(d, _)| *d == day).map(|(_, h)| h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn easter_of_known_years() {
        for (y, m, d) in [
            (1961, 4, 2),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(y), date(y, m, d), "Easter {y}");
        }
    }

    #[test]
    fn holidays_of_2026() {
        let h = public_holidays(2026);
        assert_eq!(h.len(), 11);
        assert_eq!(holiday_on(date(2026, 4, 6)), Some(Holiday::EasterMonday));
        assert_eq!(holiday_on(date(2026, 5, 14)), Some(Holiday::Ascension));
        assert_eq!(holiday_on(date(2026, 5, 25)), Some(Holiday::WhitMonday));
        assert_eq!(holiday_on(date(2026, 7, 14)), Some(Holiday::BastilleDay));
        assert_eq!(holiday_on(date(2026, 11, 11)), Some(Holiday::Armistice));
        assert_eq!(holiday_on(date(2026, 12, 25)), Some(Holiday::Christmas));
        assert_eq!(holiday_on(date(2026, 12, 24)), None);
    }

    proptest! {
        #[test]
        fn easter_is_a_sunday_between_march_22_and_april_25(y in 1583i16..=9998) {
            let e = easter_sunday(y);
            prop_assert_eq!(e.weekday(), jiff::civil::Weekday::Sunday);
            prop_assert!(e >= date(y, 3, 22) && e <= date(y, 4, 25));
            let h = public_holidays(y);
            prop_assert_eq!(h[0].0, date(y, 1, 1));
            prop_assert_eq!(h.iter().find(|(_, k)| *k == Holiday::Ascension).unwrap().0.weekday(), jiff::civil::Weekday::Thursday);
        }
    }
}
