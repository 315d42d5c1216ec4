// Page behaviour that the Content Security Policy allows (no inline handlers): any element marked
// data-kam-print prints the page.
document.addEventListener("click", e => {
    if (e.target instanceof Element && e.target.closest("[data-kam-print]")) {
        window.print();
    }
});
