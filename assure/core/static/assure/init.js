import { initAll } from "../vendor/govuk-frontend/govuk-frontend.min.js";
initAll();

// Forms that take a while (reading an uploaded plan) say so while the browser waits.
for (const form of document.querySelectorAll("form[data-app-progress]")) {
  form.addEventListener("submit", () => {
    const status = form.querySelector(".app-progress");
    if (status) status.textContent = form.dataset.appProgress;
    const button = form.querySelector("button[type=submit], button:not([type])");
    if (button) button.setAttribute("aria-disabled", "true");
  });
}
