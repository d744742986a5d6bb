// The review page's keys: s, d and k press the same, different and skip buttons, unless
// the reviewer is typing a reason.
document.addEventListener("keydown", (event) => {
  if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  const button = document.querySelector(`#ruling button[data-key="${event.key}"]`);
  if (button) {
    event.preventDefault();
    button.click();
  }
});
