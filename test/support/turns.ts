/** How often other work got a turn while the task ran: an event loop held for the whole task gives none. */
export async function turnsOfOthersDuring<T>(task: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const turn = () => {
    if (!running) return;
    turns++;
    setImmediate(turn);
  };
  setImmediate(turn);
  const value = await task();
  running = false;
  return { value, turns };
}
