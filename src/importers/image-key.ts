// How a picture's old address is matched, whatever size variant or host a body used for it.
/** A lookup key that ignores the host, case, and WordPress's `-300x200` size suffix, so every size finds the original. */
export function imageKey(url: string): string {
  let path = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '')
  try {
    path = decodeURIComponent(path)
  } catch { /* kept as written */ }
  return path.toLowerCase().replace(/-\d+x\d+(\.[a-z0-9]+)$/, '$1').replace(/-scaled(\.[a-z0-9]+)$/, '$1')
}
