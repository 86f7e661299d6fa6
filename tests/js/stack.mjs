// Calls centile with the JavaScript stack nearly full, as an app's deep recursion that catches stack overflows
// does (a recursive renderer, a parser): the overflow then strikes anywhere, inside the engine too. Every call
// must answer exactly or throw the RangeError of the overflow, and the instance must answer afterwards. Runs in
// Node (tests/js/stack.test.mjs) and in Chromium (tests/browser/run.mjs), so it imports nothing.

export const REQUEST = { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75, sex: 'male',
  measurement_method: 'height', gestation_weeks: 30, bone_age: 1 };

/**
 * One calculation `frames` frames down: its result, or the error it threw; `short` when the stack ran out before
 * the call (each frame catches, so an overflow unwinds one frame, not thousands).
 */
function down(centile, frames) {
  const at = (n) => {
    if (n < frames) {
      try {
        return at(n + 1);
      } catch (error) {
        return { error, short: true };
      }
    }
    try {
      return { result: centile.calculation('uk-who', REQUEST) };
    } catch (error) {
      return { error };
    }
  };
  return at(0);
}

/**
 * At least `calls` calculations with the stack nearly full, through `centile` (a build's exports): in rounds,
 * each from 1,500 frames above the depth where the stack runs out before the call down to that depth. Returns
 * the counts, a few of any other errors, and whether the instance answered exactly afterwards.
 */
export function nearFullStack(centile, calls) {
  const want = JSON.stringify(centile.calculation('uk-who', REQUEST));
  const stats = { calls: 0, answers: 0, overflows: 0, wrong: 0, otherErrors: 0, samples: [] };
  while (stats.calls < calls) {
    let limit = 1000; // found again each round: frames shrink as functions are compiled
    while (!down(centile, limit).short) limit += 50;
    for (let frames = limit - 1500; frames <= limit; frames++) {
      stats.calls++;
      const { result, error } = down(centile, frames);
      if (error instanceof RangeError) {
        stats.overflows++;
      } else if (error !== undefined) {
        stats.otherErrors++;
        if (stats.samples.length < 5) stats.samples.push(`${error && error.name}: ${error && error.message}`);
      } else if (JSON.stringify(result) === want) {
        stats.answers++;
      } else {
        stats.wrong++;
      }
    }
  }
  let after;
  try {
    after = centile.sdsForCentile(50) === 0 && JSON.stringify(centile.calculation('uk-who', REQUEST)) === want;
  } catch (e) {
    after = `${e && e.name}: ${e && e.message}`;
  }
  return { ...stats, after };
}
