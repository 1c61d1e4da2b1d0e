/** Placeholder: the task browser (issue 9) is built here. */
export default function TaskBrowser() {
  return <h2>任务浏览 Tasks</h2>;
}
