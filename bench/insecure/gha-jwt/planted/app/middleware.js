const jwt = require('jsonwebtoken');

function auth(req, res, next) {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');
  req.user = jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256', 'none'] }); // expect: jwt-verify-disabled
  next();
}

function lenient(token, key) {
  return jwt.verify(token, key, { algorithms: ['HS256'], ignoreExpiration: true }); // expect: jwt-decode-unverified
}

function strict(token, key) {
  return jwt.verify(token, key, { algorithms: ['ES256'], maxAge: '15m' });
}

const compression = { algorithms: ['none', 'br'] };

module.exports = { auth, lenient, strict, compression };
