// Page behaviour that the Content Security Policy allows (no inline handlers): any element marked
// data-kam-print prints the page.
document.addEventListener("click", e => {
    if (e.target instanceof Element && e.target.closest("[data-kam-print]")) {
        window.print();
    }
});

// Enter in a date box or a search picker chooses the date or the record (the component handles the key); it must
// not also submit the form around it, which the browser would do for an Enter in any text input of a form.
document.addEventListener("keydown", e => {
    if (e.key === "Enter" && e.target instanceof Element && e.target.closest(".kam-date-box, .kam-picker")) {
        e.preventDefault();
    }
});
