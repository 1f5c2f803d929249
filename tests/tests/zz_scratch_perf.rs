use motebok_tests::{Backend, TestApp};
async fn run(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let args = motebok::demo::DemoArgs { synthetic: true, years: 10, ..Default::default() };
    motebok::demo::load(&app.state.db, &app.state.config, &args).await.expect("synthetic");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let years: Vec<i32> = {
        use sea_orm::{EntityTrait, QuerySelect};
        let ys: Vec<i32> = entity::meeting::Entity::find().select_only().column(entity::meeting::Column::Year).distinct().into_tuple().all(&app.state.db.read).await.unwrap();
        ys
    };
    let y = *years.iter().max().unwrap() - 1;
    let mut times = Vec::new();
    for _ in 0..20 {
        let t = std::time::Instant::now();
        let r = motebok::service::reports::annual_report(&app.state.db.read, y, today).await.unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(r.meetings.len() > 0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let r = motebok::service::reports::annual_report(&app.state.db.read, y, today).await.unwrap();
    eprintln!("{backend:?} years {years:?} year {y}: meetings {} saker {} members {} median {:.2} ms max {:.2} ms", r.meetings.len(), r.saker.total, r.attendance_by_member.len(), times[10], times[19]);
    let t = std::time::Instant::now();
    let doc = motebok::documents::annual::document(&r, "Rådet");
    let pdf = motebok::documents::render(doc, motebok::documents::Format::Pdf).await.unwrap();
    eprintln!("annual report pdf {} bytes in {:.1} ms", pdf.len(), t.elapsed().as_secs_f64()*1000.0);
}
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn perf_sqlite() { run(Backend::Sqlite).await }
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn perf_pg() { if motebok_tests::postgres_url().is_some() { run(Backend::Postgres).await } }
