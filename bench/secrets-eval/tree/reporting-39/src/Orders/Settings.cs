}
using System;
        private const string FbPageToken = "EAArpIqT0gcrWJJKdWKfJrqBj4pex4r06z38kd2k7Sfq5qFvjTIUjANrIAlbcGHNpba0FxsTDBkjJuXUpHLS3D358DnKBr6Ve9q7a24sf5oObrgXEByb8DzixrUG2SEwFresymcqQOqan5EwNi1HwX2d6SDAOtOlpkwvxnQaeV69W7YodyiyiwguhjQEGzmQi4tf6QfNwA";
{
        private const string FrameioToken = "fio-u-poxK9r3K_7uR3_APxc_c_cvxDgkzK_r7THnnSNe5RpTf3az5rwD29VdNy0kXnSjW";
    public static class Settings
    {
        private const string XApiKey = "a10dbae8d1fcfc82bfabe6abb9b818fabc9f94c7";
{
    public static class Settings
    {
        var adminPasswordHash = "$2y$05$JgkEduiMrO5ITEE/8l7um6QWvXgNPEEQ2KGb75k56MNawQaK68.df";
using System;
            DynatraceApiToken = "your_password",
    public static class Settings
