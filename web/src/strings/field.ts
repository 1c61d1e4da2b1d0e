import type { Area } from './types.ts';

/** In the field, "where am I": the locate button, the position card, copying the position, a site check here. */
export const FIELD_TEXT = {
  posLocate: { zh: '定位', en: 'Locate' },
  posLocateHint: { zh: '定位我的位置（使用设备的定位）', en: 'Find my position (the device’s location)' },
  cmdLocate: { zh: '定位我的位置', en: 'Locate my position' },
  posLocating: { zh: '正在定位…', en: 'Locating…' },
  posHeading: { zh: '我的位置', en: 'My position' },
  posClose: { zh: '关闭', en: 'Close' },
  posCloseHint: {
    zh: '关闭“我的位置”（地图上的位置一并移除）',
    en: 'Close “My position” (removes the position from the map)',
  },
  posRelocate: { zh: '重新定位', en: 'Locate again' },
  posLatLon: { zh: '纬度, 经度（WGS84）', en: 'Latitude, longitude (WGS84)' },
  posAccuracy: { zh: '精度 ±{m} 米', en: 'accuracy ±{m} m' },
  posFixTime: { zh: '定位时间', en: 'Fix time' },
  posGk: {
    zh: 'CGCS2000 高斯–克吕格 3° 带 第 {zone} 带（中央经线 {cm}°E）',
    en: 'CGCS2000 Gauss–Krüger 3° zone {zone} (central meridian {cm}°E)',
  },
  posCopyWgs: { zh: '复制经纬度', en: 'Copy lat/lon' },
  posCopyGk: { zh: '复制高斯坐标', en: 'Copy Gauss–Krüger' },
  posCopied: { zh: '已复制', en: 'Copied' },
  posCopyRefused: {
    zh: '浏览器未允许写入剪贴板：文字已选中，请按 Ctrl+C（手机上长按）复制。',
    en: 'The browser did not allow the clipboard: the text is selected, press Ctrl+C (long-press on a phone) to copy.',
  },
  posPoor: {
    zh: '定位精度较差（±{m} 米，超过 {limit} 米）：位置已显示但不可靠，靠近边界的分区判断不确定。',
    en: 'Poor accuracy (±{m} m, worse than {limit} m): the position is shown but not reliable; zones near an edge are uncertain.',
  },
  posOutside: {
    zh: '此位置不在内蒙古范围内：在内蒙古范围{dir}约 {km} 公里处。本图层只覆盖内蒙古，无法给出分区。',
    en: 'This position is outside Inner Mongolia: about {km} km {dir} of the region. The layers cover Inner Mongolia only, so no zones can be given.',
  },
  posInvalid: {
    zh: '设备给出的位置无效（经纬度超出范围或不是数字），未显示。请重新定位。',
    en: 'The device gave an invalid position (latitude/longitude out of range or not a number); it is not shown. Please locate again.',
  },
  posDenied: {
    zh: '未获得定位权限。请在浏览器地址栏左侧的网站设置（或手机的“设置 → 隐私 → 定位服务”）中允许本网站使用位置，然后重新定位。',
    en: 'Permission to use your location was denied. Allow this site to use your location in the browser’s site settings (the icon left of the address), or on a phone in Settings → Privacy → Location, then locate again.',
  },
  posUnavailable: {
    zh: '无法获得位置：设备没有给出定位（可能没有卫星或网络信号）。请到开阔处后重新定位。',
    en: 'No position available: the device could not get a fix (no satellite or network signal). Move into the open and locate again.',
  },
  posTimeout: {
    zh: '定位超时：{s} 秒内没有得到位置。请到开阔处后重新定位。',
    en: 'Locating timed out: no position within {s} seconds. Move into the open and locate again.',
  },
  posUnsupported: {
    zh: '此浏览器不支持定位（或页面不是通过 https 打开的）。',
    en: 'This browser cannot give a position (or the page was not opened over https).',
  },
  posZones: { zh: '此处的分区', en: 'Zones here' },
  posZonesLoading: { zh: '正在查询此处的分区…', en: 'Finding the zones here…' },
  posZonesFailed: { zh: '未能查询分区：{message}', en: 'The zones could not be found: {message}' },
  posZonesNone: {
    zh: '已加载的图层中没有包含此位置的分区。',
    en: 'No zone of the loaded layers contains this position.',
  },
  posZoneOpen: { zh: '打开分区 {name}', en: 'Open zone {name}' },
  posOnEdge: { zh: '（在边界上）', en: '(on its edge)' },
  posZoneUncertain: {
    zh: '{d} 内有本图层的分区边界（在定位精度内）：不确定',
    en: 'a boundary of this layer within {d} (inside the accuracy): uncertain',
  },
  posInRedLine: { zh: '位于生态保护红线内：{names}', en: 'Inside the ecological red line: {names}' },
  posNotInRedLine: {
    zh: '不在任何生态保护红线内（依据已加载的红线图层：{layers}）。',
    en: 'Not in any ecological red line (by the red-line layers loaded: {layers}).',
  },
  posNoRedLine: {
    zh: '未加载生态保护红线图层，无法判断是否在红线内。',
    en: 'No red-line layer is loaded: whether this is in the red line cannot be said.',
  },
  posNearestInside: {
    zh: '距所在红线区（{name}）边界 {d}（图层：{layer}）',
    en: '{d} to the edge of the red-line zone it is in ({name}; layer: {layer})',
  },
  posNearestOutside: {
    zh: '最近的红线边界：{d}（{name}；图层：{layer}）',
    en: 'Nearest red-line boundary: {d} ({name}; layer: {layer})',
  },
  posNearestNone: {
    zh: '2000 公里内没有红线边界。',
    en: 'No red-line boundary within 2,000 km.',
  },
  posEdgeUncertain: {
    zh: '红线边界比定位精度（±{m} 米）更近：是否在红线内不确定。',
    en: 'The red-line boundary is nearer than the accuracy (±{m} m): whether this is inside the red line is uncertain.',
  },
  posCheckHeading: { zh: '以此位置为中心检查场地', en: 'Check a site here' },
  posCheckHint: {
    zh: '选择半径：以定位点为圆心的圆作为项目范围，打开合规筛查。',
    en: 'Choose a radius: a circle around the position becomes the project boundary, and the screening panel opens.',
  },
  posCheckRadius: { zh: '半径 {r} 米', en: 'Radius {r} m' },
  posSiteName: { zh: '现场 {time} 半径 {r} 米', en: 'Site {time} radius {r} m' },
  posDirN: { zh: '以北', en: 'north' },
  posDirNE: { zh: '东北方向', en: 'north-east' },
  posDirE: { zh: '以东', en: 'east' },
  posDirSE: { zh: '东南方向', en: 'south-east' },
  posDirS: { zh: '以南', en: 'south' },
  posDirSW: { zh: '西南方向', en: 'south-west' },
  posDirW: { zh: '以西', en: 'west' },
  posDirNW: { zh: '西北方向', en: 'north-west' },
} as const satisfies Area;
