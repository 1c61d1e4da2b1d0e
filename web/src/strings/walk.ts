import type { Area } from './types.ts';

/** Walking a boundary in the field (绕行记录边界): recording, what went wrong, closing, exports. */
export const WALK_TEXT = {
  walkTitle: { zh: '绕行记录边界', en: 'Walk the boundary' },
  walkHint: {
    zh: '沿地块边界走一圈，按间隔记录定位点；结束后闭合为面，作为项目范围审查。',
    en: 'Walk round the parcel; a position is recorded at each interval. Then close the track into a polygon and screen it as the project boundary.',
  },
  walkInterval: { zh: '记录间隔', en: 'Interval' },
  walkSeconds: { zh: '{n} 秒', en: '{n} s' },
  walkIntervalDefault: { zh: '（默认）', en: '(default)' },
  walkStart: { zh: '开始绕行', en: 'Start walking' },
  walkPause: { zh: '暂停', en: 'Pause' },
  walkResume: { zh: '继续绕行', en: 'Walk on' },
  walkStop: { zh: '结束记录', en: 'Stop' },
  walkClose: { zh: '闭合为项目范围', en: 'Close into the boundary' },
  walkDiscard: { zh: '放弃这次绕行', en: 'Discard this walk' },
  walkDiscardConfirm: { zh: '确定放弃（删除全部 {n} 个点）', en: 'Discard it (all {n} fixes are deleted)' },
  walkDiscardKeep: { zh: '保留', en: 'Keep it' },
  walkNew: { zh: '新的绕行', en: 'New walk' },
  walkStatusRecording: { zh: '正在记录', en: 'Recording' },
  walkStatusPaused: { zh: '已暂停', en: 'Paused' },
  walkStatusStopped: { zh: '已结束记录', en: 'Stopped' },
  walkStatusClosed: { zh: '已闭合', en: 'Closed' },
  walkUsable: { zh: '可用点', en: 'Usable fixes' },
  walkPoor: { zh: '精度差（> 50 米）', en: 'Too inaccurate (> 50 m)' },
  walkOutside: { zh: '在区外', en: 'Outside the region' },
  walkLength: { zh: '已走长度', en: 'Length walked' },
  walkAccuracy: { zh: '当前精度', en: 'Current accuracy' },
  walkNoFix: { zh: '尚无定位', en: 'no fix yet' },
  walkMetres: { zh: '{m} 米', en: '{m} m' },
  walkBackground: {
    zh: '请让本页保持在前台、屏幕常亮：切到后台或锁屏时，浏览器可能暂停定位，这段边界会缺点。',
    en: 'Keep this page in front and the screen on: in the background or with the screen locked the browser may stop giving positions, and that stretch of the boundary will have none.',
  },
  walkGap: {
    zh: '本页在后台 {time}，期间记录了 {n} 个点。请在地图上检查这段轨迹，缺点处可补走。',
    en: 'The page was in the background for {time}; {n} fixes were recorded meanwhile. Check that stretch of the track on the map and walk it again where fixes are missing.',
  },
  walkGapOk: { zh: '知道了', en: 'OK' },
  walkDuration: { zh: '{min} 分 {s} 秒', en: '{min} min {s} s' },
  walkFailDenied: {
    zh: '没有定位权限，记录已暂停；已记录的点都保留。请在浏览器的网站设置中允许本网站使用位置信息，然后点“继续绕行”。',
    en: 'No permission to use the location: recording is paused and every fix recorded is kept. Allow this site to use your location in the browser’s site settings, then press “Walk on”.',
  },
  walkFailUnavailable: {
    zh: '暂时无法定位（设备收不到卫星或网络定位），记录已暂停；已记录的点都保留。定位恢复后点“继续绕行”。',
    en: 'No position available just now (no satellite or network fix): recording is paused and every fix recorded is kept. Press “Walk on” once the device has a position again.',
  },
  walkFailTimeout: {
    zh: '定位超时（设备未及时给出位置），记录已暂停；已记录的点都保留。定位恢复后点“继续绕行”。',
    en: 'The position timed out (the device gave none in time): recording is paused and every fix recorded is kept. Press “Walk on” once the device has a position again.',
  },
  walkFailUnsupported: {
    zh: '本浏览器不提供定位功能，无法记录；已记录的点都保留。',
    en: 'This browser offers no geolocation, so nothing can be recorded; every fix recorded is kept.',
  },
  walkNoticePoor: {
    zh: '这次定位精度为 {m} 米，差于 50 米：已记录，但不用作边界点。',
    en: 'This fix is accurate to {m} m, worse than 50 m: recorded, but not used as a boundary point.',
  },
  walkNoticeOutside: {
    zh: '这次定位在内蒙古范围以{dir}约 {km} 公里：已记录，但不用作边界点。请检查设备定位。',
    en: 'This fix is about {km} km {dir} of Inner Mongolia: recorded, but not used as a boundary point. Check the device’s location.',
  },
  walkNoticeInvalid: {
    zh: '设备给出的位置无效：已记录，但不用作边界点。',
    en: 'The device gave no valid position: recorded, but not used as a boundary point.',
  },
  walkDirN: { zh: '北', en: 'north' },
  walkDirS: { zh: '南', en: 'south' },
  walkDirE: { zh: '东', en: 'east' },
  walkDirW: { zh: '西', en: 'west' },
  walkStorageQuota: {
    zh: '本机存储已满：{n} 个点只保存在内存中，关闭或刷新页面会丢失。请立即导出 GPX 保存轨迹；腾出空间后会自动补存。',
    en: 'The device’s storage is full: {n} fixes are kept in memory only and would be lost if the page is closed or reloaded. Export the GPX now to keep the track; they are written as soon as there is room.',
  },
  walkStorageError: {
    zh: '无法写入本机存储：{n} 个点只保存在内存中，关闭或刷新页面会丢失。请立即导出 GPX 保存轨迹。',
    en: 'The device’s storage refused the fixes: {n} are kept in memory only and would be lost if the page is closed or reloaded. Export the GPX now to keep the track.',
  },
  walkRefusedTooFew: {
    zh: '无法闭合：清理后只有 {kept} 个可用的不同位置（共记录 {total} 个点，精度差 {poor} 个、区外 {outside} 个、抖动 {jitter} 个），至少需要 3 个。',
    en: 'Cannot close: after cleaning only {kept} distinct usable positions remain ({total} fixes recorded; {poor} too inaccurate, {outside} outside the region, {jitter} jitter); at least 3 are needed.',
  },
  walkRefusedCross: {
    zh: '无法闭合：轨迹自相交——第 {a1}–{a2} 点之间与第 {b1}–{b2} 点之间的轨迹相交于（{at}）。',
    en: 'Cannot close: the track crosses itself — the stretch from fix {a1} to {a2} meets the stretch from fix {b1} to {b2} at ({at}).',
  },
  walkRefusedIssue: { zh: '无法闭合：{issue}', en: 'Cannot close: {issue}' },
  walkRefusedAction: {
    zh: '这次绕行仍保留，可继续绕行后再闭合，或放弃后重走。',
    en: 'The walk is kept: walk on and close it again, or discard it and walk again.',
  },
  walkClosedFigures: {
    zh: '已作为项目范围：{vertices} 个边界点（共 {fixes} 个定位点）；边界点精度 最小 {min} / 中位 {median} / 最大 {max} 米；未用：抖动 {jitter}、精度差 {poor}、区外 {outside}、回到起点 {closing}。',
    en: 'Now the project boundary: {vertices} boundary points ({fixes} fixes); boundary points accurate to min {min} / median {median} / max {max} m; not used: {jitter} jitter, {poor} too inaccurate, {outside} outside the region, {closing} back at the start.',
  },
  walkClosedNext: {
    zh: '请在上方选择项目类型，然后开始审查。',
    en: 'Choose the project type above, then run the check.',
  },
  walkExportGpx: { zh: '导出 GPX（原始轨迹）', en: 'Export GPX (raw track)' },
  walkExportGeoJson: { zh: '导出 GeoJSON（边界）', en: 'Export GeoJSON (boundary)' },
  walkExportTxt: { zh: '导出国土 TXT（界址点）', en: 'Export 国土 TXT (boundary points)' },
  walkOffer: {
    zh: '有一次未完成的绕行：{time} 开始，已记录 {n} 个点。',
    en: 'A walk was not finished: started {time}, {n} fixes recorded.',
  },
  walkOfferResume: { zh: '继续这次绕行', en: 'Resume this walk' },
  walkOfferClose: { zh: '结束并闭合', en: 'Stop and close it' },
  walkOfferDrop: { zh: '删除这次绕行', en: 'Delete this walk' },
  walkOfferKept: {
    zh: '它保存在本机：稍后也可以在“选址审查”的绕行记录中继续、导出或删除。',
    en: 'It is kept on this device: you can also walk on, export or delete it later in the screening panel’s walk section.',
  },
  walkOfferLater: { zh: '稍后', en: 'Later' },
  walkName: { zh: '绕行边界 {time}', en: 'Walked boundary {time}' },
  walkProjectTrack: {
    zh: '本项目范围为绕行记录：{fixes} 个定位点，{vertices} 个边界点，精度中位 {median} 米。',
    en: 'This project’s boundary was walked: {fixes} fixes, {vertices} boundary points, median accuracy {median} m.',
  },
} as const satisfies Area;
