//! `relais staffing`: the Erlang C forecast on the command line, for one load typed by the
//! coordinator or for every half-hour of the week from the line's history.

use crate::cli::StaffingArgs;
use relais_domain::forecast::{staff_profile, Targets, SLOTS_PER_DAY};
use relais_domain::staffing::{required, Staffing, StaffingInput};

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

pub async fn run(args: StaffingArgs) -> anyhow::Result<()> {
    if args.from_history {
        return from_history(args).await;
    }
    let calls = args.calls.ok_or_else(|| anyhow::anyhow!("--calls is required without --from-history"))?;
    let aht = args.aht.ok_or_else(|| anyhow::anyhow!("--aht is required without --from-history"))?;
    let input = StaffingInput {
        calls,
        aht_seconds: aht,
        interval_seconds: args.interval,
        target_service_level: args.target,
        within_seconds: args.within,
        max_occupancy: args.max_occupancy,
        shrinkage: args.shrinkage,
    };
    let s = required(&input).map_err(|e| anyhow::anyhow!("{e}"))?;
    print!("{}", report(&input, &s));
    Ok(())
}

/// The single-interval answer, one `name value` line each, stable for scripts.
pub fn report(input: &StaffingInput, s: &Staffing) -> String {
    format!(
        "traffic_erlangs {:.4}\nagents {}\nrostered {}\nservice_level {:.5}\nwithin_seconds {}\nasa_seconds {:.3}\noccupancy {:.4}\nwait_probability {:.7}\n",
        s.traffic, s.agents, s.rostered, s.service_level, input.within_seconds, s.asa_seconds, s.occupancy, s.wait_probability
    )
}

async fn from_history(args: StaffingArgs) -> anyhow::Result<()> {
    let store = crate::open(&args.db).await?;
    let now = relais_web::now_ms();
    let profile = store.arrival_profile(now, args.weeks).await?;
    let aht = match args.aht {
        Some(a) => a,
        None => store
            .average_handling_seconds(now, args.weeks)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no handled request in the last {} weeks: give --aht", args.weeks))?,
    };
    let targets = Targets {
        aht_seconds: aht,
        target_service_level: args.target,
        within_seconds: args.within,
        max_occupancy: args.max_occupancy,
        shrinkage: args.shrinkage,
    };
    let rows = staff_profile(&profile, &targets).map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("# {} weeks of history, AHT {aht:.0} s, target {:.0} % within {} s", args.weeks, args.target * 100.0, args.within);
    println!("day   time   calls  erlangs  agents  rostered  service_level  asa_s");
    let mut any = false;
    for r in rows.iter().filter(|r| r.load.calls_per_interval > 0.0) {
        any = true;
        let minutes = r.load.slot as usize * 30;
        println!(
            "{}   {:02}:{:02}  {:>5.1}  {:>7.3}  {:>6}  {:>8}  {:>13.3}  {:>5.1}",
            DAYS[r.load.weekday as usize],
            minutes / 60,
            minutes % 60,
            r.load.calls_per_interval,
            r.staffing.traffic,
            r.staffing.agents,
            r.staffing.rostered,
            r.staffing.service_level,
            r.staffing.asa_seconds
        );
    }
    if !any {
        println!("(no request in the last {} weeks)", args.weeks);
    }
    debug_assert_eq!(rows.len(), 7 * SLOTS_PER_DAY);
    Ok(())
}
