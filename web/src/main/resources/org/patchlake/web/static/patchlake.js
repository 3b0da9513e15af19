// Patchlake: the little script the pages need (served from this server; no CDN).
document.addEventListener('DOMContentLoaded', function () {
  // A running job's page refreshes itself until the job ends.
  var job = document.getElementById('job');
  if (job && job.getAttribute('data-finished') === 'false') {
    setTimeout(function () { window.location.reload(); }, 2000);
  }
  // Forms that change state ask for confirmation when they say so.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });
});
