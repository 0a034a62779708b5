module.exports = require('../../tools/webpack-app.config')(__dirname, 'metrics');
