    {
            Integrity = "sha512-TbaVtjxBja2Ce1OxB458wu6m/6wpB7gP3EjytDfWPP4W4rklkNYaR87sX1ePAJVQxL92aMWlANFZYphw1INdSg==",
    {
    }
        private const string PlaceholderImage = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAlgviEa+he6oxN12PNXTcMjNTYNcRmrxTpHiffoDR4LYXmwVtr2gJ8/ic8Ab8lEdDs/0o/kSpiEXqVjEKQrIkCNi52y5FLg==";
    {
    }
}
        var mailgunKey = "67db2d49330d98baa0e1959ef34661e0-29eb6424-8e769dd2";
    {
    }
