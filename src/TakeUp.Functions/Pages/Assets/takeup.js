// Enhancement only: every page works without it. Starts GOV.UK Frontend's components (the error
// summary takes focus, radios and checkboxes reveal what they control).
import { initAll } from '/assets/govuk-frontend.min.js'
initAll()
