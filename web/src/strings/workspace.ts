import type { Area } from './types.ts';

/** The shared workspace (共享工作区): signing in, the shared layers, checks run on the server. */
export const WORKSPACE_TEXT = {
  wsTitle: { zh: '共享工作区', en: 'Shared workspace' },
  wsHint: {
    zh: '本页由共享工作区服务器提供：权威图层由数据管理员上传、按版本发布，审查在服务器上运行并留痕。',
    en: 'This page is served by a shared workspace: authoritative layers are uploaded and published as versions by their owners, and checks run on the server with an audit trail.',
  },
  wsToken: { zh: '访问令牌', en: 'Access token' },
  wsSignIn: { zh: '登录', en: 'Sign in' },
  wsSignOut: { zh: '退出', en: 'Sign out' },
  wsSignedIn: { zh: '已登录：{name}（{role}，{scope}）', en: 'Signed in: {name} ({role}, {scope})' },
  wsRegion: { zh: '全区', en: 'whole region' },
  wsTokenRefused: { zh: '令牌无效或已停用。', en: 'The token is not valid or no longer active.' },
  wsUnreachable: { zh: '无法连接工作区服务器。', en: 'The workspace server cannot be reached.' },
  wsNoLayers: { zh: '服务器上还没有共享图层。', en: 'No shared layers on the server yet.' },
  wsLayer: { zh: '共享图层', en: 'Shared layer' },
  wsPublished: {
    zh: '已发布第 {version} 版（{count} 个要素，{author}，{at}）',
    en: 'Version {version} published ({count} features, {author}, {at})',
  },
  wsNotPublished: { zh: '未发布', en: 'not published' },
  wsShowOnMap: { zh: '在地图上显示', en: 'Show on the map' },
  wsAttribution: { zh: '共享工作区图层 第 {version} 版', en: 'Shared workspace layer, version {version}' },
  wsCheck: { zh: '在服务器上审查', en: 'Check on the server' },
  wsChecking: { zh: '服务器审查中…', en: 'Checking on the server…' },
  wsResultTitle: {
    zh: '服务器审查：{layer} 第 {version} 版',
    en: 'Server check: {layer}, version {version}',
  },
  wsResultSummary: {
    zh: '项目面积 {ha} 公顷（{mu} 亩）；重叠 {n} 个要素，共 {oha} 公顷（{omu} 亩），占 {share}',
    en: 'Project area {ha} ha ({mu} mu); overlaps {n} features, {oha} ha ({omu} mu) in all, {share} of the project',
  },
  wsNoOverlap: { zh: '与该图层无重叠。', en: 'No overlap with this layer.' },
  wsRecorded: {
    zh: '已记录为第 {id} 次审查（{at}）；报告哈希 {hash}',
    en: 'Recorded as check {id} ({at}); report hash {hash}',
  },
  wsEngine: { zh: '计算引擎', en: 'Engine' },
  wsStale: {
    zh: '项目范围或类型已改变：此结果属于之前的范围，请重新审查。',
    en: 'The boundary or the project type changed: this result belongs to the earlier one. Check again.',
  },
  wsCheckFailed: { zh: '服务器审查未完成：{why}', en: 'The server check did not run: {why}' },
  wsProjectRefused: { zh: '项目范围不符合要求', en: 'the project boundary was refused' },
  wsNotPublishedError: { zh: '该图层尚未发布任何版本', en: 'no version of this layer is published' },
  wsForbidden: { zh: '当前账号无审查权限', en: 'this account may not run checks' },
  wsSubmit: { zh: '提交到共享工作区', en: 'Send to the shared workspace' },
  wsSubmitted: {
    zh: '已将 {n} 行提交到共享工作区，记入本账号所属盟市的审计链。',
    en: '{n} rows sent to the shared workspace, recorded in your league’s audit chain.',
  },
  wsSubmitForbidden: {
    zh: '当前账号不能录入这些区域的观测值（只能录入本账号范围内的区域）。',
    en: 'This account may not enter observations for these zones (only for zones within its scope).',
  },
  wsSubmitFailed: { zh: '提交未完成：{why}', en: 'Not sent: {why}' },
  wsSubmitRow: { zh: '第 {line} 行：{text}', en: 'Row {line}: {text}' },
  wsSharedRows: {
    zh: '共享工作区中的观测值：{n} 行（与本机文件一并计入，本机文件同一指标、区域、年份的值优先）',
    en: 'Observations in the shared workspace: {n} rows (counted with this computer’s files; a file’s value for the same indicator, zone and year comes first)',
  },
} as const satisfies Area;
