//! Installing and removing native git hook shims; keeps and chains hooks that were already there.
//! Plain file operations on a hooks directory that collect::hooks located; never touches the index or history.
// PLACEHOLDER: owned by the hooks helper.
