    public static class Settings
            NgrokAuthtoken = "2XSjKqbnhpzRXPAUk1A9kHrKqsl_xiPHXo2r6w3N399dWW0oa",
        var sendinblueApiKey = "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";
        var dockerhubToken = configuration["DockerhubToken"];
namespace Acme.Orders
{
        private const string NetlifyAuthToken = "nfp_IKCYQZ55au2PqCuLr6VTXEJYmUYcHpeZvlkH";
