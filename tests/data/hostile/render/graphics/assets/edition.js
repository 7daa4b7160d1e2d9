alert('HOSTILE edition.js');
