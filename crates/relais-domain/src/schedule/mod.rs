//! The line's calendar and volunteers' shifts: opening hours, public holidays, closures,
//! slot generation and the booking rules. Pure: instants in and out as UTC milliseconds.

pub mod booking;
pub mod holidays;
pub mod hours;
pub mod slots;

pub use hours::{Closure, DayHours, ServiceHours, paris, paris_datetime, paris_instant, paris_week_monday};
pub use slots::{Slot, generate_slots};
