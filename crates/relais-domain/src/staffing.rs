//! How many volunteers the line needs in an interval: the Erlang C model of a queue served
//! by N agents, used by contact centres since the 1910s and good enough for a callback line
//! whose requests arrive at random.
//!
//! Given the requests expected in an interval, the average handling time (AHT) and the
//! interval length, the offered traffic is `A = calls × AHT / interval` (in erlangs). For N
//! agents the Erlang B blocking probability is computed with the stable recursion
//! `B₀ = 1, Bₙ = A·Bₙ₋₁ / (n + A·Bₙ₋₁)` (no factorials, no powers: valid for thousands of
//! agents), then the probability of waiting `C = N·B / (N − A(1 − B))`, the service level
//! `SL(t) = 1 − C·e^{−(N−A)·t/AHT}`, the average speed of answer `ASA = C·AHT / (N − A)` and
//! the occupancy `A / N`. The answer is the smallest N meeting the service-level target and
//! the optional maximum occupancy; the rostered number adds shrinkage (breaks, no-shows):
//! `⌈N / (1 − shrinkage)⌉`.

use thiserror::Error;

/// What the coordinator (or the history) says about one interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StaffingInput {
    /// Requests expected in the interval.
    pub calls: f64,
    /// Average handling time of one request, in seconds.
    pub aht_seconds: f64,
    /// Length of the interval, in seconds (1800 for a half-hour).
    pub interval_seconds: f64,
    /// Share of requests to be answered within `within_seconds` (0.8 for "80 % in 20 s").
    pub target_service_level: f64,
    pub within_seconds: f64,
    /// Highest acceptable share of time busy (e.g. 0.85), if any.
    pub max_occupancy: Option<f64>,
    /// Share of rostered time lost to breaks, training, no-shows (0.3 for 30 %).
    pub shrinkage: f64,
}

/// The answer for one interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Staffing {
    /// Offered traffic A, in erlangs.
    pub traffic: f64,
    /// Agents needed at any moment (N).
    pub agents: u32,
    /// Volunteers to book, shrinkage included.
    pub rostered: u32,
    /// Service level reached with `agents`.
    pub service_level: f64,
    /// Average speed of answer with `agents`, in seconds.
    pub asa_seconds: f64,
    /// Occupancy with `agents` (0 when nobody is needed).
    pub occupancy: f64,
    /// Probability that a request waits (Erlang C) with `agents`.
    pub wait_probability: f64,
}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum StaffingError {
    #[error("{field} must be a finite number {rule}")]
    OutOfRange { field: &'static str, rule: &'static str },
    #[error("no staffing up to {0} agents meets the target")]
    Unreachable(u32),
}

/// The largest N searched: far above any help line (2,000 volunteers in 2020).
pub const MAX_AGENTS: u32 = 100_000;

/// Erlang B blocking probability for `agents` servers and `traffic` erlangs.
pub fn erlang_b(traffic: f64, agents: u32) -> f64 {
    let mut b = 1.0;
    for n in 1..=agents {
        b = traffic * b / (n as f64 + traffic * b);
    }
    b
}

/// Erlang C probability of waiting, from the Erlang B value for the same N and A.
fn erlang_c_from_b(traffic: f64, agents: u32, b: f64) -> f64 {
    let n = agents as f64;
    if n <= traffic {
        return 1.0;
    }
    n * b / (n - traffic * (1.0 - b))
}

/// Erlang C probability that a request waits, for `agents` servers and `traffic` erlangs.
pub fn erlang_c(traffic: f64, agents: u32) -> f64 {
    erlang_c_from_b(traffic, agents, erlang_b(traffic, agents))
}

/// Share of requests answered within `within` seconds.
pub fn service_level(traffic: f64, agents: u32, aht: f64, within: f64) -> f64 {
    let c = erlang_c(traffic, agents);
    service_level_from_c(traffic, agents, c, aht, within)
}

fn service_level_from_c(traffic: f64, agents: u32, c: f64, aht: f64, within: f64) -> f64 {
    let n = agents as f64;
    if n <= traffic {
        return 0.0;
    }
    (1.0 - c * (-(n - traffic) * within / aht).exp()).clamp(0.0, 1.0)
}

/// Average speed of answer in seconds (infinite when the queue is unstable).
pub fn average_speed_of_answer(traffic: f64, agents: u32, aht: f64) -> f64 {
    let n = agents as f64;
    if n <= traffic {
        return f64::INFINITY;
    }
    erlang_c(traffic, agents) * aht / (n - traffic)
}

fn check(value: f64, field: &'static str, ok: bool, rule: &'static str) -> Result<(), StaffingError> {
    if value.is_finite() && ok {
        Ok(())
    } else {
        Err(StaffingError::OutOfRange { field, rule })
    }
}

impl StaffingInput {
    fn validate(&self) -> Result<(), StaffingError> {
        check(self.calls, "calls", self.calls >= 0.0, "≥ 0")?;
        check(self.aht_seconds, "aht", self.aht_seconds > 0.0, "> 0")?;
        check(self.interval_seconds, "interval", self.interval_seconds > 0.0, "> 0")?;
        let t = self.target_service_level;
        check(t, "target", t > 0.0 && t < 1.0, "between 0 and 1 (exclusive)")?;
        check(self.within_seconds, "within", self.within_seconds >= 0.0, "≥ 0")?;
        if let Some(o) = self.max_occupancy {
            check(o, "max-occupancy", o > 0.0 && o <= 1.0, "in (0, 1]")?;
        }
        let s = self.shrinkage;
        check(s, "shrinkage", (0.0..1.0).contains(&s), "in [0, 1)")?;
        Ok(())
    }

    /// Offered traffic in erlangs.
    pub fn traffic(&self) -> f64 {
        self.calls * self.aht_seconds / self.interval_seconds
    }
}

/// The smallest staffing meeting the input's service level (and occupancy cap).
pub fn required(input: &StaffingInput) -> Result<Staffing, StaffingError> {
    input.validate()?;
    let a = input.traffic();
    if a == 0.0 {
        return Ok(Staffing {
            traffic: 0.0,
            agents: 0,
            rostered: 0,
            service_level: 1.0,
            asa_seconds: 0.0,
            occupancy: 0.0,
            wait_probability: 0.0,
        });
    }
    // Walk N upwards, carrying Erlang B along, from the first stable N (N > A).
    let first = (a.floor() as u32).saturating_add(1).max(1);
    if first > MAX_AGENTS {
        return Err(StaffingError::Unreachable(MAX_AGENTS));
    }
    let mut b = erlang_b(a, first - 1);
    for n in first..=MAX_AGENTS {
        b = a * b / (n as f64 + a * b);
        let occupancy = a / n as f64;
        if input.max_occupancy.is_some_and(|max| occupancy > max) {
            continue;
        }
        let c = erlang_c_from_b(a, n, b);
        let sl = service_level_from_c(a, n, c, input.aht_seconds, input.within_seconds);
        if sl >= input.target_service_level {
            let rostered = (n as f64 / (1.0 - input.shrinkage) - 1e-9).ceil().max(n as f64) as u32;
            return Ok(Staffing {
                traffic: a,
                agents: n,
                rostered,
                service_level: sl,
                asa_seconds: c * input.aht_seconds / (n as f64 - a),
                occupancy,
                wait_probability: c,
            });
        }
    }
    Err(StaffingError::Unreachable(MAX_AGENTS))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn reference_values_a10_n14() {
        let c = erlang_c(10.0, 14);
        assert!(close(c, 0.1741319, 5e-8), "C = {c}");
        let sl = service_level(10.0, 14, 180.0, 20.0);
        assert!(close(sl, 0.88835, 5e-6), "SL = {sl}");
        let asa = average_speed_of_answer(10.0, 14, 180.0);
        assert!(close(asa, 7.836, 5e-4), "ASA = {asa}");
    }

    #[test]
    fn reference_value_a10_n11() {
        let c = erlang_c(10.0, 11);
        assert!(close(c, 0.6821182, 5e-8), "C = {c}");
    }

    #[test]
    fn reference_value_for_a_thousand_agents() {
        // A = 950 erlangs (e.g. 5,700 calls of 300 s in 1,800 s), N = 1,000.
        let c = erlang_c(950.0, 1000);
        assert!(close(c, 0.0682534, 5e-8), "C = {c}");
        assert!(c.is_finite());
    }

    #[test]
    fn unstable_queue_always_waits() {
        assert_eq!(erlang_c(10.0, 10), 1.0);
        assert_eq!(erlang_c(10.0, 3), 1.0);
        assert_eq!(service_level(10.0, 9, 180.0, 20.0), 0.0);
        assert!(average_speed_of_answer(10.0, 10, 180.0).is_infinite());
    }

    fn input(calls: f64) -> StaffingInput {
        StaffingInput {
            calls,
            aht_seconds: 180.0,
            interval_seconds: 1800.0,
            target_service_level: 0.8,
            within_seconds: 20.0,
            max_occupancy: None,
            shrinkage: 0.0,
        }
    }

    #[test]
    fn smallest_n_meeting_the_target() {
        // 100 calls × 180 s / 1800 s = 10 erlangs. N = 13 gives SL ≈ 0.80? check neighbours.
        let s = required(&input(100.0)).unwrap();
        assert!(close(s.traffic, 10.0, 1e-12));
        assert!(s.service_level >= 0.8);
        assert!(service_level(10.0, s.agents - 1, 180.0, 20.0) < 0.8, "N - 1 must miss the target");
        assert_eq!(s.agents, 14, "SL(13) = {}", service_level(10.0, 13, 180.0, 20.0));
        assert_eq!(s.rostered, 14);
        assert!(close(s.occupancy, 10.0 / 14.0, 1e-12));
    }

    #[test]
    fn occupancy_cap_adds_agents() {
        let mut i = input(100.0);
        i.max_occupancy = Some(0.6);
        let s = required(&i).unwrap();
        assert_eq!(s.agents, 17, "10 / 17 ≤ 0.6 < 10 / 16");
        assert!(s.occupancy <= 0.6);
    }

    #[test]
    fn shrinkage_rounds_up() {
        let mut i = input(100.0);
        i.shrinkage = 0.3;
        let s = required(&i).unwrap();
        assert_eq!(s.rostered, 20, "⌈14 / 0.7⌉ = 20");
        i.shrinkage = 0.5;
        assert_eq!(required(&i).unwrap().rostered, 28, "exactly 28, not 29");
    }

    #[test]
    fn no_calls_no_one_needed() {
        let s = required(&input(0.0)).unwrap();
        assert_eq!((s.agents, s.rostered), (0, 0));
        assert_eq!(s.service_level, 1.0);
    }

    #[test]
    fn large_traffic_is_fast_and_finite() {
        let mut i = input(0.0);
        i.calls = 5700.0;
        i.aht_seconds = 300.0;
        let s = required(&i).unwrap();
        assert!(s.agents > 950 && s.agents < 1000, "{}", s.agents);
        assert!(s.service_level >= 0.8 && s.service_level.is_finite());
    }

    #[test]
    fn bad_input_names_the_field() {
        let mut i = input(10.0);
        i.target_service_level = 1.0;
        assert_eq!(required(&i), Err(StaffingError::OutOfRange { field: "target", rule: "between 0 and 1 (exclusive)" }));
        let mut i = input(10.0);
        i.aht_seconds = 0.0;
        assert!(matches!(required(&i), Err(StaffingError::OutOfRange { field: "aht", .. })));
        let mut i = input(f64::NAN);
        i.shrinkage = 0.1;
        assert!(matches!(required(&i), Err(StaffingError::OutOfRange { field: "calls", .. })));
        let mut i = input(10.0);
        i.shrinkage = 1.0;
        assert!(matches!(required(&i), Err(StaffingError::OutOfRange { field: "shrinkage", .. })));
    }

    proptest::proptest! {
        #[test]
        fn answer_is_minimal_and_meets_the_target(calls in 0.0f64..3000.0, aht in 30.0f64..900.0, target in 0.5f64..0.99, within in 0.0f64..120.0) {
            let i = StaffingInput { calls, aht_seconds: aht, interval_seconds: 1800.0, target_service_level: target, within_seconds: within, max_occupancy: None, shrinkage: 0.0 };
            let s = required(&i).unwrap();
            if s.agents > 0 {
                proptest::prop_assert!(s.service_level >= target);
                proptest::prop_assert!(s.agents as f64 > s.traffic);
                proptest::prop_assert!(service_level(s.traffic, s.agents - 1, aht, within) < target);
            }
        }
    }
}
