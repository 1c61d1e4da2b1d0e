/** Placeholder: the indicator dashboard (issue 9) is built here. */
export default function IndicatorDashboard() {
  return <h2>指标看板 Indicators</h2>;
}
