//! stub
//! stub
