/** The one small static script of the site (/assets/site.js): the CSP allows no inline script. */
import { OFFLINE_JS } from './offline-script.js';

/**
 * Behaviour that pages ask for with data attributes instead of inline handlers:
 * - `data-print`: a button that opens the print dialog (receipts, service pages);
 * - `data-follow="<url>"`: a running registry import, polled every second until done (without
 *   script the officer reloads with the link beside it).
 * - `data-refresh="<seconds>"`: a board that reloads itself (the emergency dispatch board), except
 *   while the officer is typing in one of its forms.
 * Plain ES5 so that old phone browsers at a counter run it.
 */
export const SITE_JS = `(function(){
document.addEventListener('click',function(e){var b=e.target&&e.target.closest?e.target.closest('[data-print]'):null;if(b){e.preventDefault();window.print()}});
function follow(el){var u=el.getAttribute('data-follow');function f(n){return Math.round(n).toLocaleString('id-ID')}function set(id,v){var x=document.getElementById(id);if(x)x.textContent=v}
function t(){fetch(u,{credentials:'same-origin'}).then(function(r){return r.json()}).then(function(j){if(j.done){location.reload();return}var p=j.totalBytes?Math.min(100,Math.round(j.bytesRead/j.totalBytes*100)):0;var b=document.getElementById('reg-progress');if(b){b.value=p;b.textContent=p+'%'}set('reg-pct',p+'%');set('reg-rows',f(j.rowsRead));set('reg-rate',f(j.rate));set('reg-eta',j.etaSeconds==null?'—':Math.ceil(j.etaSeconds));set('reg-rej',f(j.rejected));setTimeout(t,1000)}).catch(function(){setTimeout(t,3000)})}
setTimeout(t,1000)}
function refresh(el){var s=parseInt(el.getAttribute('data-refresh'),10)||30;setTimeout(function again(){var a=document.activeElement;if(a&&/^(INPUT|TEXTAREA|SELECT)$/.test(a.tagName)){setTimeout(again,5000);return}location.reload()},s*1000)}
function start(){var els=document.querySelectorAll('[data-follow]');for(var i=0;i<els.length;i++)follow(els[i]);var r=document.querySelector('[data-refresh]');if(r)refresh(r)}
if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',start);else start();
})();
${OFFLINE_JS}`;
