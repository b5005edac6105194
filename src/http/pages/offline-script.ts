/** Offline field capture for the emergency forms (issue 13 §1): the page's queue (part of /assets/site.js) and the service worker (/assets/darurat-sw.js). */

/** Where the service worker acts: the emergency pages only (it is served from /assets/ with Service-Worker-Allowed). */
export const OFFLINE_SCOPE = '/petugas/darurat/';

/**
 * The page's half, for forms marked `data-offline` (the staff report form, the "respon awal" form):
 * - on submit the capture gets a client-generated key (`_idem`, sent again unchanged on every
 *   retry, so the server files it once) and its capture time on the device (`capturedAt`);
 * - it is stored in IndexedDB first, then sent; without a network it stays there, shown as
 *   "tersimpan di perangkat, belum terkirim", and is sent when the browser is back online (the
 *   `online` event, each page load, every 30 s) with `sentAt`: the server takes the capture time
 *   as its own clock minus the capture's age on the device, so a phone's wrong clock does not matter;
 * - sent at once, the server's answer replaces the page (the receipt, or the report page);
 *   sent later, the line turns "terkirim" with a link; refused (422 etc.), the line shows why.
 * Sign-out empties the cache of emergency pages. Plain ES5 (no arrow functions) like the rest of site.js.
 */
export const OFFLINE_JS = `(function(){
if(!window.indexedDB||!window.fetch||!window.FormData)return;
var en=(document.documentElement.lang||'id')==='en';
function t(id,e){return en?e:id}
function key(){var a=new Uint8Array(16);crypto.getRandomValues(a);var s='dev-';for(var i=0;i<a.length;i++)s+=('0'+a[i].toString(16)).slice(-2);return s}
function db(){return new Promise(function(ok,ko){var r=indexedDB.open('sigap-offline',1);r.onupgradeneeded=function(){r.result.createObjectStore('captures',{keyPath:'key'})};r.onsuccess=function(){ok(r.result)};r.onerror=function(){ko(r.error)}})}
function tx(mode,f){return db().then(function(d){return new Promise(function(ok,ko){var x=d.transaction('captures',mode);var s=x.objectStore('captures');var out=f(s);x.oncomplete=function(){ok(out&&out.result)};x.onerror=function(){ko(x.error)}})})}
function all(){return tx('readonly',function(s){return s.getAll()})}
function put(c){return tx('readwrite',function(s){s.put(c)})}
function del(k){return tx('readwrite',function(s){s['delete'](k)})}
var shown={};
function box(){var b=document.getElementById('offline-queue');if(b)return b;var m=document.querySelector('main')||document.body;b=document.createElement('div');b.id='offline-queue';b.className='notice offline-queue';b.setAttribute('role','status');b.setAttribute('aria-live','polite');b.setAttribute('data-testid','offline-queue');b.hidden=true;m.insertBefore(b,m.firstChild);return b}
function line(c,state,extra){shown[c.key]={c:c,state:state,extra:extra};draw()}
function draw(){var b=box();var ks=Object.keys(shown);b.hidden=!ks.length;b.textContent='';var h=document.createElement('p');h.innerHTML='<strong>'+t('Tangkapan di perangkat ini','Captures on this device')+'</strong>';b.appendChild(h);var ul=document.createElement('ul');b.appendChild(ul);ks.forEach(function(k){var s=shown[k];var li=document.createElement('li');li.setAttribute('data-testid','offline-item');li.setAttribute('data-state',s.state);var w=s.state==='pending'?t('tersimpan di perangkat, belum terkirim','saved on this device, not sent yet'):s.state==='sent'?t('terkirim','sent'):s.state==='login'?t('belum terkirim: masuk kembali lalu buka halaman ini','not sent: sign in again, then open this page'):t('ditolak','refused');li.appendChild(document.createTextNode(s.c.label+' ('+new Date(s.c.capturedAt).toLocaleString(en?'en-GB':'id-ID')+'): '));var st=document.createElement('strong');st.textContent=w;li.appendChild(st);if(s.extra&&s.extra.href){li.appendChild(document.createTextNode(' · '));var a=document.createElement('a');a.href=s.extra.href;a.textContent=s.extra.text;li.appendChild(a)}else if(s.extra&&s.extra.text){li.appendChild(document.createTextNode(' · '+s.extra.text))}ul.appendChild(li)})}
// Sent at once, the capture is "now" on the server's clock; from the queue it carries its age on the device.
function body(c,now){var fd=c.multipart?new FormData():new URLSearchParams();c.fields.forEach(function(p){if(!(now&&p[0]==='capturedAt'))fd.append(p[0],p[1])});if(!now)fd.append('sentAt',new Date().toISOString());return fd}
function parse(html){return new DOMParser().parseFromString(html,'text/html')}
function errorsOf(doc){var e=doc.querySelectorAll('.error-summary li, .error-summary p, .field-error');var out=[];for(var i=0;i<e.length;i++)out.push(e[i].textContent.trim());return out.join(' ')}
function send(c,now){return fetch(c.action,{method:'POST',body:body(c,now),credentials:'same-origin',headers:{'x-sigap-offline':'1'}}).then(function(r){
 if(r.redirected&&/\\/masuk/.test(r.url)||r.status===401||r.status===403){line(c,'login');return}
 return r.text().then(function(html){var doc=parse(html);var u=new URL(r.url);
  return del(c.key).then(function(){
   // Sent at once: the server's answer replaces the page (the receipt, the form with its errors beside the fields, the report page).
   if(now){document.title=doc.title;document.documentElement.replaceChild(document.importNode(doc.body,true),document.body);if(r.redirected)history.replaceState(null,'',u.pathname+u.search);shown={};draw();return 'done'}
   var err=u.searchParams.get('error')||(r.status>=400?errorsOf(doc)||('HTTP '+r.status):'');
   if(err){line(c,'refused',{text:err});return 'refused'}
   var n=doc.querySelector('[data-testid=receipt-number]');var num=n?n.textContent.trim():c.number;line(c,'sent',num?{href:'/petugas/darurat/'+encodeURIComponent(num)+(en?'?lang=en':''),text:num}:null);return 'sent'})})
},function(){line(c,'pending');return 'pending'})}
var busy=false;
function flush(){if(busy)return;busy=true;var here=false;all().then(function(cs){var p=Promise.resolve();(cs||[]).forEach(function(c){p=p.then(function(){return send(c,false).then(function(s){if(s==='sent'&&stale(c))here=true})})});return p}).then(function(){busy=false;if(here)renew()},function(){busy=false})}
function stale(c){var fs=document.querySelectorAll('form[data-offline=response]');for(var i=0;i<fs.length;i++)if(fs[i].action===c.action)return true;return false}
// The report page whose "respon awal" was just sent from the queue is stale (a first response recorded): fetch it again, keeping the queue's lines.
function renew(){fetch(location.href,{credentials:'same-origin'}).then(function(r){return r.text()}).then(function(html){var doc=parse(html);document.documentElement.replaceChild(document.importNode(doc.body,true),document.body);draw()},function(){})}
function capture(form){var fd=new FormData(form);var multipart=(form.enctype||'').indexOf('multipart')===0;var fields=[];var k=key();fd.forEach(function(v,n){if(n==='_idem'||n==='_key'||n==='capturedAt')return;if(v instanceof File&&!v.size)return;fields.push([n,v])});var kind=form.getAttribute('data-offline');fields.push([kind==='report'?'_idem':'_key',k]);var at=new Date().toISOString();fields.push(['capturedAt',at]);
 var c={key:k,action:form.action,multipart:multipart,fields:fields,capturedAt:at,label:(form.getAttribute('data-offline-label')||document.title)+(form.elements['location.text']&&form.elements['location.text'].value?': '+form.elements['location.text'].value:''),number:form.getAttribute('data-offline-number')||''};
 return put(c).then(function(){line(c,'pending');if(!navigator.onLine){form.reset();return}return send(c,true).then(function(s){if(s==='pending')form.reset()})},function(){form.submit()})}
document.addEventListener('submit',function(e){var f=e.target;if(!f||!f.getAttribute||!f.getAttribute('data-offline'))return;e.preventDefault();capture(f)},true);
document.addEventListener('submit',function(e){var f=e.target;if(f&&f.getAttribute&&/\\/keluar$/.test(f.getAttribute('action')||'')&&window.caches)caches['delete']('sigap-darurat')},true);
// Elsewhere on the site nothing of this runs (no IndexedDB opened), except emptying the cache at sign-out.
if(location.pathname.indexOf('${OFFLINE_SCOPE.slice(0, -1)}')!==0)return;
if('serviceWorker' in navigator)navigator.serviceWorker.register('/assets/darurat-sw.js',{scope:'${OFFLINE_SCOPE}'})['catch'](function(){});
window.addEventListener('online',flush);
function start(){all().then(function(cs){(cs||[]).forEach(function(c){line(c,'pending')});if(cs&&cs.length)flush()});setInterval(function(){if(navigator.onLine)flush()},30000)}
if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',start);else start();
})();
`;

/**
 * The service worker: keeps the emergency pages (and the site's assets) the officer has opened,
 * so the report form and a report's "respon awal" form open without a signal. Network first; the
 * cached copy only when the network fails. It never touches a POST: the page queues those itself.
 */
export const OFFLINE_SW_JS = `var CACHE='sigap-darurat';
self.addEventListener('install',function(){self.skipWaiting()});
self.addEventListener('activate',function(e){e.waitUntil(self.clients.claim())});
self.addEventListener('fetch',function(e){var r=e.request;if(r.method!=='GET')return;var u=new URL(r.url);if(u.origin!==location.origin)return;
 if(!(u.pathname.indexOf('${OFFLINE_SCOPE.slice(0, -1)}')===0||u.pathname.indexOf('/assets/')===0))return;
 e.respondWith(fetch(r).then(function(res){if(res.ok&&!res.redirected){var c=res.clone();caches.open(CACHE).then(function(ca){ca.put(r,c)})}return res},function(){return caches.open(CACHE).then(function(ca){return ca.match(r).then(function(m){return m||ca.match(r,{ignoreSearch:true})}).then(function(m){return m||new Response('<!doctype html><meta charset=utf-8><title>Offline</title><p>Tidak ada sinyal dan halaman ini belum tersimpan di perangkat. / No signal, and this page is not saved on this device.</p>',{status:503,headers:{'content-type':'text/html; charset=utf-8'}})})})}))});
`;
