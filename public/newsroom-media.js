// The media library, enhanced: "Copy Markdown" puts an image's Markdown on the clipboard. Without JavaScript the text
// stays selectable in its box, so nothing here is needed.
for (const button of document.querySelectorAll('[data-copy]')) {
  const source = document.getElementById(button.dataset.copy)
  if (!(source instanceof HTMLTextAreaElement) || !navigator.clipboard) continue
  const label = button.textContent
  button.hidden = false
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.value)
      button.textContent = 'Copied'
    } catch {
      source.select()
      button.textContent = 'Press Ctrl+C to copy'
    }
    setTimeout(() => { button.textContent = label }, 2000)
  })
}
